"""Turns a folder of YAML trial entries of generative AI services into a magazine site."""

__version__ = "0.1.0"
