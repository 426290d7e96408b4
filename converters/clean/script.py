"""Traditional print folded to simplified, for the line rules' judgement only.

Some sites, and the big5 mirrors of government portals, print notices in traditional characters. The words the
rules look for — field labels (文號, 索引號, 公開日期), organ endings (辦公廳, 委員會), genres (通報, 意見) — are
written in simplified characters, so a predicate judges `simplified(text)`. The document's own text is never
changed, and the folding is one character for one, so positions found in the folded text hold in the original.
"""
from __future__ import annotations

import re

# Traditional → simplified for the characters of labels, organ names, genres and page-info words; characters
# whose traditional form stands for several simplified ones (乾/幹 → 干) are left out.
_PAIRS = ("號号開开題题詞词機机構构類类業业發发佈布時时間间來来單单廳厅辦办會会員员處处關关閱阅讀读數数擊击瀏浏覽览"
          "點点屬属縣县區区鎮镇務务門门園园組组廠厂場场隊队臺台館馆學学醫医衛卫計计劃划規规統统總总報报請请決决見见"
          "議议紀纪錄录標标準准稱称與与簽签約约資资訊讯網网頁页碼码體体範范團团黨党聯联級级結结細细則则條条節节綱纲"
          "導导傳传際际屆届選选舉举設设備备檢检護护質质環环農农糧粮稅税財财濟济歷历獻献藝艺氣气溫温產产當当費费價价"
          "問问應应書书記记說说讓让證证責责職职權权於于")
_TABLE = str.maketrans(dict(zip(_PAIRS[0::2], _PAIRS[1::2])))
# Translating looks every character up in the table; a character class finds the rare line that needs it in C.
_TRADITIONAL = re.compile("[" + re.escape(_PAIRS[0::2]) + "]")


def simplified(text: str) -> str:
    """`text` with the traditional characters of the rules' words in their simplified form (same length)."""
    return text.translate(_TABLE) if _TRADITIONAL.search(text) else text
