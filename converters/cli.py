"""Command line: thin click commands over the API and the bulk runner; no conversion logic lives here."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from . import __version__, api, bulk, dask_engine
from .errors import ConversionError
from .inspection import describe
from .options import ReadOptions, WriteOptions
from .report import CONVERTED, Summary, write_report

CONVERT_HELP = """Convert notices (.txt, .html, .htm, .md) to Markdown, JSON, DOCX or PDF.

\b
INPUT is a file, a directory (searched recursively for .txt/.html/.htm/.md)
or '-' for standard input.
\b
One input file: -o is a file (its extension gives the format) or '-'
for standard output.
Several inputs or a directory: -o is a directory that mirrors the input
tree; existing outputs are skipped unless --overwrite. A bad file never stops
the run: the summary on stderr gives the reason for each failure (the first
100; --report keeps all), and the exit status is 1 when any file failed (130
when interrupted; --resume continues).

\b
Examples:
  gwconv convert notice.txt -o notice.md
  gwconv convert notice.html -o notice.docx --issuer-mark "某某市教育局文件"
  cat notice.txt | gwconv convert - -o - -t json
  gwconv convert crawl/ -o out/ -t md -j 4 --report report.json
  gwconv convert crawl/ -o out/ --report report.json --resume   # after Ctrl-C
  gwconv convert pages.parquet -o shards/ --engine dask -j 8
  gwconv convert -o out.md -- -notice-with-dash.txt
"""


def _read_options(keep_boilerplate: bool, no_punct: bool) -> ReadOptions:
    return ReadOptions(keep_boilerplate=keep_boilerplate, restore_punctuation=not no_punct)


def reading_options(func):
    """--keep-boilerplate and --no-punct, shared by every command that reads."""
    func = click.option("--no-punct", is_flag=True, help="Do not restore full-width punctuation in CJK text.")(func)
    return click.option("--keep-boilerplate", is_flag=True,
                        help="Keep site chrome (navigation, footers, metadata tables); removals are still listed.")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gwconv")
def main() -> None:
    """Turn crawled Chinese government notices into clean Markdown/JSON, GB/T 9704 DOCX and PDF.

    \b
    Examples:
      gwconv convert notice.txt -o notice.md
      gwconv convert crawl/ -o out/ -j 2 --report report.json
      gwconv inspect notice.txt
    """


@main.command(help=CONVERT_HELP)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, help="Output file, '-' for stdout, or a directory for several inputs.")
@click.option("-t", "--to", "fmt", type=click.Choice(["md", "json", "docx", "pdf"]),
              help="Output format (default: from the output file's extension; md for stdout and directories).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for several inputs (0 = all cores, 1 = no worker processes).")
@click.option("--overwrite", is_flag=True, help="Replace outputs that exist.")
@click.option("--report", type=click.Path(dir_okay=False), help="Write a JSON report (every document, its outcome, the summary).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the documents are converted: local worker processes, or dask (pip install gwconv[dask]); "
                   "dask also reads a Parquet/JSON Lines table (columns url, html or text) and writes shards.")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: a dask.distributed scheduler (tcp://host:8786).")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run: skip inputs whose outputs the --report file records as complete.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (it is also off when stderr is not a terminal).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds one document may take before it is stopped and reported as failed (0 = no limit).")
@reading_options
@click.option("--profile", help="Layout profile (name or TOML file) for DOCX/PDF; default GB/T 9704-2012.")
@click.option("--issuer-mark", help="发文机关标志 for the DOCX/PDF header, overriding what was found in the document.")
@click.option("--doc-number", help="发文字号 for DOCX/PDF, overriding what was found in the document.")
@click.option("--embed-fonts", is_flag=True, help="DOCX: embed the shipped open fonts.")
@click.option("--font-dir", "font_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Directory of fonts that take precedence (repeatable; $GWCONV_FONT_DIR is also read).")
def convert(inputs, output, fmt, jobs, overwrite, report, engine, scheduler, resume, quiet, time_limit, keep_boilerplate,
            no_punct, profile, issuer_mark, doc_number, embed_fonts, font_dirs) -> None:
    several = bulk.is_bulk(inputs) or engine == "dask"
    try:
        to = bulk.output_format(fmt, output, several)
    except ConversionError as exc:
        _fail(str(exc))
    settings = bulk.Settings(
        to=to, overwrite=overwrite, time_limit=time_limit or None, read=_read_options(keep_boilerplate, no_punct),
        write=WriteOptions(profile=profile, issuer_mark=issuer_mark, doc_number=doc_number, embed_fonts=embed_fonts,
                           font_dirs=tuple(Path(d) for d in font_dirs)))
    if resume and not report:
        _fail("--resume needs --report: the report of the run to continue")
    if engine == "dask" and len(inputs) == 1 and dask_engine.is_table(inputs[0]):
        _finish(_guarded(lambda: dask_engine.convert_table(inputs[0], output, settings, jobs, report, scheduler)), report)
    elif several:
        runner = dask_engine.engine(scheduler) if engine == "dask" else None
        _convert_many(inputs, output, settings, jobs, report, resume, quiet, runner)
    else:
        _convert_one(inputs[0], output, settings, report)


def _convert_one(src: str, output: str, settings: bulk.Settings, report: str | None) -> None:
    rep = bulk.convert_single(src, output, settings)
    if report:
        write_report(report, settings.describe() | {"jobs": 1}, [rep])
    if rep.status != CONVERTED:
        _fail(f"{rep.input}: {rep.reason}")
    for warning in rep.warnings:
        click.echo(f"warning: {rep.input}: {warning}", err=True)


def _convert_many(inputs, output: str, settings: bulk.Settings, jobs: int, report: str | None, resume: bool,
                  quiet: bool, runner: bulk.Engine | None) -> None:
    if output == "-":
        _fail("several inputs need an output directory, not '-'")
    if Path(output).exists() and not Path(output).is_dir():
        _fail(f"{output}: several inputs need an output directory, and this is a file")
    progress = not quiet and sys.stderr.isatty()
    total = bulk.count(inputs, output, settings.to) if progress else None
    summary = _guarded(lambda: bulk.run(bulk.plan(inputs, output, settings.to), settings, jobs=jobs, report=report,
                                        progress=progress, total=total, resume=resume, engine=runner))
    _finish(summary, report)


def _guarded(run):
    """Run a bulk conversion; a second Ctrl-C or a whole-run error (unreadable table …) ends with one line."""
    try:
        return run()
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except ConversionError as exc:
        _fail(str(exc))


def _finish(summary: Summary, report: str | None) -> None:
    click.echo(summary.format(), err=True)
    if summary.interrupted:
        click.echo("interrupted" + (f"; the report of what was done is in {report}" if report else ""), err=True)
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("file", metavar="FILE")
@reading_options
def inspect(file, keep_boilerplate, no_punct) -> None:
    """Show what was recognised in FILE ('-' for stdin): the document parts (title, doc number, addressee,
    signature, date, note, cc, printed by, attachments, site metadata, unknown front-matter keys), the heading
    outline with embedded documents, and every removed line with its line number and reason.

    \b
    Examples:
      gwconv inspect notice.txt
      gwconv inspect --keep-boilerplate page.html
    """
    options = _read_options(keep_boilerplate, no_punct)
    try:
        if file == "-":
            doc = api.read_bytes(sys.stdin.buffer.read(), options=options, name="<stdin>")
        else:
            doc = api.read(Path(file), options=replace(options, source=file))
    except ConversionError as exc:
        _fail(str(exc))
    click.echo(describe(doc), nl=False)


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)
