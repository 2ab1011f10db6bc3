"""Matching: a Chinese-aware TF-IDF recommender (pure core in ``engine``) and its batch CLI."""
