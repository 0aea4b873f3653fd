"""Seva: tweets to a state police force, triaged, routed and tracked as complaints in real time."""

__version__ = "0.1.0"
