"""Newsbot: answers questions about news articles from a YAML knowledge base."""
