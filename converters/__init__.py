"""gwconv: crawled Chinese government notices → clean Markdown/JSON, GB/T 9704 DOCX and PDF."""
from .api import convert, read, render, write
from .errors import ConversionError, FormatNotAvailable, InputError, OutputExists
from .model import Document
from .options import ReadOptions, WriteOptions

__version__ = "0.1.0"
__all__ = ["read", "write", "render", "convert", "Document", "ReadOptions", "WriteOptions",
           "ConversionError", "InputError", "FormatNotAvailable", "OutputExists", "__version__"]
