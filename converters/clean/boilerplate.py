"""Site chrome recognised by pattern: breadcrumbs, page-info lines, footer tokens, QR captions, summary boxes.

Each rule is certain enough to apply anywhere in the page; chrome that is only recognisable by where it sits
(menus, link lists, contact footers) is left to `span.drop_outside_span`.
"""
from __future__ import annotations

import re

from ..model import Document
from ..options import ReadOptions
from .parts import document_head, is_anchor, locate_title
from .removal import drop, drop_each, drop_where, first_line
from .script import simplified
from .shape import (DATE_LINE, EMPTY_CELL, HAN, ISO_DATE, LIST_BULLET, SENTENCE_END, TAB_LABEL, contains_any,
                    is_addressee, is_title_shaped, marker_of, names_genre, says_about, squeeze, text_of)

_CRUMB_LABEL = re.compile(r"^(?:[您你](?:当前|现在)?(?:的|所在)?|当前(?:所在)?的?|所在)(?:位置|页面)\s*[:：]")
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|＞|»|›)\s*")
_NAV_WORDS = {"首页", "网站首页", "返回首页", "主页", "网站地图", "无障碍", "无障碍浏览", "繁体", "简体", "繁體", "English",
              "登录", "注册", "手机版", "长者模式", "关怀版", "联系我们", "网站声明", "隐私声明", "帮助", "使用帮助",
              "设为首页"}


_CRUMB_PART = re.compile(rf"[{HAN}\s]{{1,15}}")
_NAV_SPLIT = re.compile(r"[\s|｜/]+")


def drop_navigation(doc: Document, options: ReadOptions) -> None:
    """Breadcrumbs (首页 > 专题 > …, 当前位置：…) and lines made only of navigation words."""
    drop_where(doc, "drop_navigation", _navigation_reason)


def _navigation_reason(text: str) -> str | None:
    if _CRUMB_LABEL.match(text):
        return "breadcrumb"
    if contains_any(text, SENTENCE_END + "。，,"):
        return None
    parts = [p for p in _CRUMB_SEP.split(text) if p]
    rooted = _CRUMB_SEP.match(text) or len(parts) >= 3 or (len(parts) == 2 and parts[0] in _NAV_WORDS)
    if rooted and all(_CRUMB_PART.fullmatch(p) for p in parts):
        return "breadcrumb"
    if EMPTY_CELL.match(squeeze(text)):
        return None  # a table's empty cell (/) as much as a menu's separator: left to where it stands
    if all(t in _NAV_WORDS for t in _NAV_SPLIT.split(text) if t):
        return "navigation link"
    return None


# Labels only a site prints (a longer label before its own start: 浏览次数 before 浏览, 字体大小 before 字体) …
_SITE_LABEL = (r"发布时间|发布日期|更新时间|发稿时间|录入时间|信息来源|文章来源|稿源|来源|来自|发布单位|浏览次数|浏览量|浏览|"
               r"点击数|点击次数|点击率|阅读次数|阅读量|访问次数|访问量|字号|字体大小|字体|责任编辑|发布者")
# … and page labels a document can print too (时间, 作者).
_PAGE_LABEL = rf"{_SITE_LABEL}|时间|日期|发布人|作者|编辑|供稿|审核"
_PAGE_LABELS = re.compile(rf"(?:{_PAGE_LABEL})\s*[:：]")
_STRONG_START = re.compile(rf"^[【\[]?\s*(?:关键词|关键字|{_SITE_LABEL}|视力保护色)\s*[:：]")
# Any 时间/日期 label with a machine-printed date after it (时间:2019-05-14 10:45, 归档时间:2024/2/27, 发布于:…):
# documents print their dates as 2021年3月5日, sites print stamps like these.
_STAMP = re.compile(rf"^[【\[]?\s*(?:[{HAN}]{{0,4}}(?:时间|時間|日期)\s*[:：]|(?:发布|发表|更新|创建|编辑)于\s*[:：]?)\s*"
                    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
# A machine-printed date opening the line, a page label after it (2011-06-18 00:00:00 来源: 本站原创), or the
# source and author without labels (2023-01-05 10:00 区人民政府办公室, 2021-06-14 20:49   某某融媒体中心   王某).
_STAMP_FIRST = re.compile(rf"^\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*"
                          rf"(?:(?:{_PAGE_LABEL})\s*[:：]|(?:\s+[{HAN}]{{2,20}}){{1,3}}$)")
# The reading a mirror site puts in brackets after a character (關(guān)于, 次數(shù)).
_GLOSS = re.compile(r"\([a-zü\u00e0-\u00fc\u0101-\u01dc]{1,8}\)")
# A date in the line besides one page label: a newspaper's page line (三版  2023年09月27日   来源:).
_DATED = re.compile(rf"\d{{4}}(?:[-/.]\d{{1,2}}[-/.]|年\d{{1,2}}月)\d{{1,2}}")
_FONT_SIZE = re.compile(r"[【\[]\s*(?:字体|字号)?\s*[:：]?\s*大\s*中\s*小\s*[】\]]")
# The credit a site adds in brackets under an article: (编辑:某某), 【责任编辑：某某】.
_CREDIT = re.compile(r"^[(（【\[]\s*(?:责任编辑|编辑|作者|撰稿|供稿|审核|校对|摄影|记者|通讯员)\s*[:：][^()（）【】\[\]]{1,30}[)）】\]]$")


def drop_page_info(doc: Document, options: ReadOptions) -> None:
    """The line under a page title: 时间：… 来源：… 浏览次数：… (two such labels, or one that only sites use); a
    label printed alone takes the date on the next line with it (发布时间： / 2009年12月21日)."""
    reasons: dict[int, str] = {}
    texts = [text_of(b) for b in doc.blocks]
    for i, text in enumerate(texts):
        reason = _page_info_reason(text) if text else None
        if reason:
            reasons[i] = reason
            value = squeeze(texts[i + 1] or "") if i + 1 < len(texts) else ""
            if text.rstrip().endswith(("：", ":")) and (DATE_LINE.match(value) or ISO_DATE.match(value)):
                reasons[i + 1] = reason
    drop_each(doc, reasons, "drop_page_info")


def _page_info_reason(text: str) -> str | None:
    if "。" in text or len(text) > 150:
        return None
    text = simplified(LIST_BULLET.sub("", text))
    if "(" in text:
        text = _GLOSS.sub("", text)  # a mirror's readings in brackets (點擊次數(shù):) split a label from its colon
    labels = _PAGE_LABELS.findall(text) if contains_any(text, "：:") else []  # every label ends in a colon
    strong = [label for label in labels if _STRONG_START.match(label)]
    if (strong and (len(labels) >= 2 or _DATED.search(text))) or _STRONG_START.match(text) or _FONT_SIZE.search(text) \
            or ISO_DATE.match(text) or _STAMP.match(text) or _STAMP_FIRST.match(text) or _CREDIT.match(text):
        return "page information (date, source, view counter)"
    return None


_FOOTER_TOKENS = {"打印", "打印本页", "打印此页", "打印文章", "打印正文", "我要打印", "关闭本文", "我要收藏", "关闭", "关闭本页",
                  "关闭窗口", "关闭此页", "返回顶部", "回到顶部",
                  "顶部", "返回", "返回列表", "收藏", "收藏本页", "加入收藏", "分享", "分享到", "保存", "保存本页", "纠错",
                  "我要纠错", "下载", "附件下载", "下载附件", "赞赏", "打赏", "点赞", "字号", "大", "中", "小", "默认", "放大", "缩小", "双击滚屏"}
_PREV_NEXT = re.compile(r"^[-•·]?\s*(?:(?:上|下)一篇(?:文章|新闻|信息)?|上一条|下一条|上一页|下一页|"
                        r"相关链接|相关文章|相关阅读|相关新闻|相关文件|相关稿件|分享到?|详见|详情见|详情请见)\s*(?:[:：]|$)")
# A site's note on browsers (你正在使用旧版本浏览器。请升级浏览器以获得更好的体验。).
_BROWSER_NOTE = re.compile(r"(?:旧版本?|版本(?:过|太)?低|升级|更换|推荐使用|建议使用)[^。]{0,8}浏览器|浏览器(?:版本)?(?:过|太)低")
# A site's greeting in its banner (某某县人民政府欢迎您!).
_WELCOME = re.compile(rf"^[{HAN}]{{2,30}}欢迎(?:您|你)(?:的?(?:访问|光临|来到))?[!！。]?$")
# What a page button says when pressed (收藏成功!, 取消收藏成功!, 复制成功).
_TOAST = re.compile(r"^(?:取消)?(?:收藏|关注|点赞|分享|复制|订阅)(?:成功|失败)[!！。]?$")
# Copyright and registration lines, by script: while every alternative opens with a caseless character the
# search skips from one such character to the next, where a case-insensitive or anchored alternative would make
# it try the whole pattern at every position of every line of running text.
_COPYRIGHT = re.compile(r"版权所有|转载请注明|公网安备|网站标识码|网站识别码|©|技术支持\s*[:：]|主办单位\s*[:：].*承办单位|建议使用.*浏览器|"
                        r"分辨率|您是第\s*\d+\s*位访")
_COPYRIGHT_LATIN = re.compile(r"ICP\s*[备证]|Copyright", re.I)
_LATIN_START = re.compile("[IC]", re.I)  # cheap test before _COPYRIGHT_LATIN: Chinese text rarely holds either
_SITE_SELF = ("本网站", "本站")  # a line opening with the site speaking of itself
_FOOTER_SPLIT = re.compile(r"[\s|｜【】\[\]()（）/·•]+")


def drop_footer_tokens(doc: Document, options: ReadOptions) -> None:
    """打印本页 关闭窗口 返回顶部, 上一篇：…, 相关链接, 版权所有 / ICP备 / 公网安备 lines; and the site's owner
    (主办单位：…) beside them."""
    drop_where(doc, "drop_footer_tokens", _footer_reason)
    _drop_site_owner(doc)


# The site's owner and operator in its footer. An event's notice names its 主办单位 too, so only a line beside a
# copyright or registration line (within _OWNER_REACH source lines) is the footer's.
_SITE_OWNER = re.compile(r"^(?:主办|承办|协办|主管|运维|维护)(?:单位|机构)?\s*[:：]\s*[^，,。；;]{2,40}$")
_OWNER_REACH = 2


def _drop_site_owner(doc: Document) -> None:
    footer = [r.line for r in doc.removed if r.rule == "drop_footer_tokens" and r.line and r.reason == _REGISTRATION]
    if not footer:
        return
    owners = [i for i, block in enumerate(doc.blocks)
              if (text := text_of(block)) and _SITE_OWNER.match(text) and (line := first_line(block))
              and any(abs(line - f) <= _OWNER_REACH for f in footer)]
    drop(doc, owners, "site owner in the page footer", "drop_footer_tokens")


_REGISTRATION = "site copyright/registration footer"


def _footer_reason(text: str) -> str | None:
    if "浏览器" in text and _BROWSER_NOTE.search(text) and len(text) <= 80:
        return "the site's note on browsers"
    if len(text) > 200 or ("。" in text and not _is_copyright(text)):
        return None
    tokens = [t for t in _FOOTER_SPLIT.split(text) if t]
    if tokens and all(t in _FOOTER_TOKENS for t in tokens):
        return "page footer links"
    if _PREV_NEXT.match(text) and len(text) <= 80:
        return "link to another page"
    if _TOAST.match(text):
        return "message of a page button"
    if _WELCOME.match(text):
        return "the site's greeting"
    if _is_copyright(text) and len(text) <= 200:
        return _REGISTRATION
    return None


def _is_copyright(text: str) -> bool:
    return bool(_COPYRIGHT.search(text) or text.startswith(_SITE_SELF)
                or _LATIN_START.search(text) and _COPYRIGHT_LATIN.search(text))


# What a picture leaves in a text dump: its file name on a line of its own.
_IMAGE_FILE = re.compile(r"^[\w\-.()（）]{1,80}\.(?:jpe?g|png|gif|bmp|webp)$", re.I)
_QR = re.compile(r"二维码|扫一扫|扫码关注|扫描关注|订阅号|服务号|公众号|官方微博|官方微信|手机版|客户端下载|APP下载", re.I)


def drop_qr_captions(doc: Document, options: ReadOptions) -> None:
    """Captions of the site's QR codes and app badges (订阅号二维码, 微信服务号 …): short lines without punctuation;
    and the file names pictures leave behind (201902271744184876.jpg)."""
    drop_where(doc, "drop_qr_captions", _qr_reason)


def _qr_reason(text: str) -> str | None:
    if "." in text and _IMAGE_FILE.match(text.strip()):  # the dot first: \w takes in a whole line of Chinese
        return "file name of a picture"
    if len(squeeze(text)) <= 25 and not contains_any(text.rstrip("：:"), SENTENCE_END + "，,：:") \
            and _QR.search(text) and not text.startswith("附件") and marker_of(text) is None:
        return "QR-code or app caption"
    return None


_SUMMARY_LABEL = re.compile(r"^摘\s*要\s*[:：]?\s*")
_BLURB_LABEL = re.compile(r"^(?:内容)?(?:简介|簡介|概述|提要)\s*[:：]|^(?:导读|导语|導讀|導語)\s*[:：]?|^核心提示\s*[:：]")
# What document-sharing sites print above an uploaded text, with or without a label: the file's bare name
# (…实施细则.docx — an 附件 link is the document's) and upload notes (…由会员分享，可在线阅读; 來源于網友上傳，
# 不代表本站觀點).
_UPLOAD_NOTE = re.compile(r"(?:会员|用户|网友|會員|用戶|網友)(?:分享|上传|上傳|提供)|不代表本站(?:观点|觀點)|"
                          r"^(?!附\s*件)[^:：\s][^:：]{0,80}\.(?:docx?|wps|pdf|pptx?|xlsx?)$", re.I)
_ELLIPSIS = re.compile(r"(?:\.{3,}|…+|。{3,})$")


def drop_summary_box(doc: Document, options: ReadOptions) -> None:
    """A 摘要 box: the label, and the summary after it when it copies the document (or is cut off with …); and a
    site's blurb (简介：…, 内容概述：…, 核心提示：…), file name or upload note above the document's head — or
    opening the page's running text, which no document does."""
    doomed: list[int] = []
    head = _head_index(doc)
    first_anchor = next((i for i, b in enumerate(doc.blocks) if is_anchor(b)), len(doc.blocks))
    for i, block in enumerate(doc.blocks):
        text = text_of(block)
        if text and (i < head or i <= first_anchor) and (_BLURB_LABEL.match(text) or _UPLOAD_NOTE.search(text)
                                                         or TAB_LABEL.match(text)):
            doomed.append(i)
        if not text or not _SUMMARY_LABEL.match(text):
            continue
        rest = _SUMMARY_LABEL.sub("", text)
        if not rest:
            doomed.append(i)
            if i + 1 < len(doc.blocks) and _is_copy(doc, i + 1, text_of(doc.blocks[i + 1]) or ""):
                doomed.append(i + 1)
        elif _is_copy(doc, i, rest):
            doomed.append(i)
    drop(doc, doomed, "summary box (copy of the document text, or the site's blurb above it)", "drop_summary_box")


# Essay and sample sites, anywhere on the page: the editor's introduction (下面是小编为大家整理的…), the note under a
# sample (以上为…通知书模板，具体内容可根据实际情况调整修改), the headline of a collection (学校寒假放假通知(集锦15篇),
# 学院通知模板集合九篇) and the label of each sample in it (学院通知 篇2).
_SAMPLE_SITE = re.compile(r"小编(?:为|帮|给|整理|精心)|模板.{0,12}根据实际情况|"
                          r"[(（](?:精选|集锦|集合|通用|优选|汇总|合集|热门|推荐)?\s*[\d一二三四五六七八九十]+\s*篇[)）]$|"
                          r"(?:精选|集锦|集合|合集|汇编|大全|汇总)[\d一二三四五六七八九十]+篇$|[\d一二三四五六七八九十]+篇(?:合辑|合集|汇编)|"
                          r"^\S{2,20}\s*篇\s*\d{1,2}$")


def drop_sample_site_notes(doc: Document, options: ReadOptions) -> None:
    """What essay and sample sites add around the samples they print (editor's introduction, note under a sample,
    collection headline, sample labels): never a document's own words."""
    drop_where(doc, "drop_sample_site_notes", _sample_site_reason)


def _sample_site_reason(text: str) -> str | None:
    if len(text) <= 200 and ("会员" in text or "注册" in text or "字" in text) and _PAYWALL.search(text):
        return "document-sharing site's paywall note"
    if len(text) > 200 or not ("篇" in text or "小编" in text or "模板" in text):  # what every pattern needs
        return None
    return "essay-site note or sample label" if _SAMPLE_SITE.search(text) else None


# What a document-sharing site prints where it cuts a document off for non-members (（未完，全文共1772字，当前显示
# 432字）, 只有正式会员才能完整阅读, 已经注册：立即登录>>).
_PAYWALL = re.compile(r"全文共\s*\d+\s*字|当前显示\s*\d+\s*字|正式会员|会员.{0,12}(?:阅读|下载)|立即(?:登录|注册)\s*(?:>>|»)?$")


def _is_copy(doc: Document, index: int, text: str) -> bool:
    """`text` is cut off with an ellipsis, or its opening recurs later in the document."""
    if _ELLIPSIS.search(text.strip()):
        return True
    head = squeeze(text)[:30]
    return len(head) >= 10 and head in _later_text(doc, index)


def _later_text(doc: Document, index: int) -> str:
    return "".join(squeeze(text_of(b) or "") for b in doc.blocks[index + 1:])


def drop_duplicate_summaries(doc: Document, options: ReadOptions) -> None:
    """A glued copy of the opening text placed above the document's head (auto summaries, a headline repeating
    the title): a long line before the head, not the title itself, whose whole text recurs, verbatim and
    contiguous, further down."""
    title = locate_title(doc.blocks)
    doomed = []
    for i, block in enumerate(doc.blocks[:_head_index(doc)]):
        text = text_of(block)
        core = squeeze(_ELLIPSIS.sub("", text or ""))
        if len(core) >= 20 and core in _later_text(doc, i) and not (title and title[0] <= i <= title[1]):
            doomed.append(i)
    drop(doc, doomed, "duplicate of later document text", "drop_duplicate_summaries")


def _head_index(doc: Document) -> int:
    """The document's head: its addressee when one opens the body, else its first title- or addressee-like line."""
    first = next((i for i, b in enumerate(doc.blocks) if _is_head(text_of(b) or "")), 0)
    head = document_head(doc.blocks)
    return head if head is not None and is_addressee(text_of(doc.blocks[head]) or "") else first


def _is_head(text: str) -> bool:
    return is_addressee(text) or (is_title_shaped(text) and (names_genre(text) or says_about(text[:2])))
