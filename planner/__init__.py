"""Scaling Roadmap Planner: plan how an AI initiative goes from pilot to enterprise scale."""

__version__ = "0.1.0"
