"""The dask engine (local process scheduler): same outputs as the local engine, tables to shards, same report."""
from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")

from converters import dask_engine  # noqa: E402
from helpers_cli import gwconv, leftovers, notice  # noqa: E402


def crawl(root: Path, count: int) -> None:
    for n in range(count):
        folder = root / f"{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"n{n}.txt").write_text(notice(n), encoding="gbk" if n % 2 else "utf-8")
    (root / "0" / "scan.txt").write_bytes(b"%PDF-1.4\n")


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_folder_on_dask_gives_the_same_bytes_and_report_as_local(tmp_path):
    crawl(tmp_path / "in", 150)
    reports = {}
    for engine in ("local", "dask"):
        result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / engine), "-j", "2", "--engine", engine,
                        "--report", str(tmp_path / f"{engine}.json"))
        assert result.exit_code == 1
        assert f"failed: {tmp_path / 'in/0/scan.txt'}: looks like a PDF" in result.stderr
        data = json.loads((tmp_path / f"{engine}.json").read_text(encoding="utf-8"))
        reports[engine] = sorted((d["input"], d["status"], d["reason"], d["size"]) for d in data["documents"])
    local, on_dask = files(tmp_path / "local"), files(tmp_path / "dask")
    assert len(local) == 150 and local == on_dask
    assert reports["local"] == reports["dask"]


def pages(count: int) -> "pd.DataFrame":
    rows = [{"url": f"https://example.gov.cn/{n}/../../etc/passwd", "text": notice(n)} for n in range(count)]
    rows += [{"url": "https://example.gov.cn/empty", "text": ""}, {"url": "https://example.gov.cn/none", "text": None}]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
def test_table_to_shards(tmp_path, kind):
    table = tmp_path / f"pages.{kind}"
    frame = pages(40)
    if kind == "parquet":
        frame.to_parquet(table)
    else:
        frame.to_json(table, orient="records", lines=True, force_ascii=False)
    report = tmp_path / "report.json"
    result = gwconv("convert", str(table), "-o", str(tmp_path / "out"), "--engine", "dask", "-j", "2", "-t", "json",
                    "--report", str(report))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("40 converted, 2 failed, 0 skipped")
    assert "failed: https://example.gov.cn/empty: empty file" in result.stderr
    assert "failed: https://example.gov.cn/none: no html or text in this row" in result.stderr
    shards = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in shards] == ["part-00000.json.jsonl"]  # names never come from URLs
    rows = [json.loads(line) for p in shards for line in p.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in rows] == [f"https://example.gov.cn/{n}/../../etc/passwd" for n in range(40)]
    doc = json.loads(rows[7]["content"])
    assert doc["metadata"]["source"] == rows[7]["url"] and "第7号" in json.dumps(doc, ensure_ascii=False)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["converted"] == 40 and len(data["documents"]) == 42
    assert stat.S_IMODE(shards[0].stat().st_mode) & 0o044  # readable like any other output
    assert leftovers(tmp_path) == []

    again = gwconv("convert", str(table), "-o", str(tmp_path / "out"), "--engine", "dask", "-t", "json")
    assert again.exit_code == 0 and again.stderr.startswith("0 converted, 0 failed, 42 skipped")


def test_table_without_the_needed_columns(tmp_path):
    table = tmp_path / "bad.parquet"
    pd.DataFrame([{"address": "x", "body": "y"}]).to_parquet(table)
    result = gwconv("convert", str(table), "-o", str(tmp_path / "out"), "--engine", "dask")
    assert result.exit_code == 1
    assert result.stderr == f"error: {table}: a table needs a 'url' column and an 'html' or 'text' column (found: address, body)\n"


@pytest.mark.parametrize("name, content", [("broken.parquet", b"PAR1 not really"),
                                           ("broken.jsonl", b'{"url": "a", "text": "x"}\n{"url": oops\n')])
def test_unreadable_table_is_one_line(tmp_path, name, content):
    table = tmp_path / name
    table.write_bytes(content)
    result = gwconv("convert", str(table), "-o", str(tmp_path / "out"), "--engine", "dask")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {table}: cannot read the table: ") and result.stderr.count("\n") == 1


def test_tables_hold_text_formats_only(tmp_path):
    table = tmp_path / "pages.parquet"
    pages(1).to_parquet(table)
    result = gwconv("convert", str(table), "-o", str(tmp_path / "out"), "--engine", "dask", "-t", "pdf")
    assert result.exit_code == 1 and "not pdf" in result.stderr


def test_shard_names():
    assert dask_engine.shard_path("out", 12, "md") == "out/part-00012.md.jsonl"


def test_cluster_scheduler_without_distributed_is_one_line(tmp_path, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "distributed", None)  # as when dask[distributed] is not installed
    crawl(tmp_path / "in", 2)
    result = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--engine", "dask",
                    "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 1
    assert result.stderr == "error: a cluster scheduler needs dask.distributed (pip install 'gwconv[dask]')\n"


def test_folder_and_table_on_a_real_cluster(tmp_path):
    """`--scheduler` against a dask.distributed cluster on loopback: the folder's outputs are byte for byte those of
    the local engine, and a table's shards are written by the cluster's workers."""
    distributed = pytest.importorskip("distributed")
    crawl(tmp_path / "in", 40)
    frame = pages(12)
    frame.to_parquet(tmp_path / "pages.parquet")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        address = cluster.scheduler_address
        on_cluster = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "cluster"), "--engine", "dask",
                            "--scheduler", address)
        shards = gwconv("convert", str(tmp_path / "pages.parquet"), "-o", str(tmp_path / "shards"), "--engine", "dask",
                        "--scheduler", address, "-t", "md")
    local = gwconv("convert", str(tmp_path / "in"), "-o", str(tmp_path / "local"), "-j", "1")
    assert on_cluster.exit_code == local.exit_code == 1  # the PDF saved as .txt fails on both
    assert files(tmp_path / "cluster") == files(tmp_path / "local") and len(files(tmp_path / "local")) == 40
    assert shards.exit_code == 1  # the empty and the missing page fail, the others convert
    lines = [json.loads(line) for shard in sorted((tmp_path / "shards").glob("part-*.md.jsonl"))
             for line in shard.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["url"] for line in lines) == sorted(frame["url"][:12])
    assert all(line["content"].startswith("---\n") for line in lines)
