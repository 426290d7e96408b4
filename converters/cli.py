"""Command line: thin click commands over the API."""
from __future__ import annotations

import sys

import click

from . import __version__, api
from .errors import ConversionError
from .options import ReadOptions, WriteOptions


@click.group()
@click.version_option(__version__, prog_name="gwconv")
def main() -> None:
    """Turn crawled Chinese government notices into clean Markdown/JSON, GB/T 9704 DOCX and PDF."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, help="Output file, '-' for stdout, or a directory for several inputs.")
@click.option("-t", "--to", "fmt", type=click.Choice(["md", "json", "docx", "pdf"]), help="Output format (default: from -o).")
@click.option("--overwrite", is_flag=True, help="Replace outputs that exist.")
@click.option("--keep-boilerplate", is_flag=True, help="Keep site chrome (navigation, footers, metadata tables).")
@click.option("--no-punct", is_flag=True, help="Do not restore full-width punctuation.")
def convert(inputs, output, fmt, overwrite, keep_boilerplate, no_punct) -> None:
    """Convert notices (.txt, .html, .md) to md, json, docx or pdf."""
    src = inputs[0]
    try:
        doc = api.read(src, options=ReadOptions(keep_boilerplate=keep_boilerplate, restore_punctuation=not no_punct, source=src))
        api.write(doc, output, fmt, WriteOptions(), overwrite=overwrite)
    except ConversionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
