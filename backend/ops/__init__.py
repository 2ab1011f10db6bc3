"""Operations: running the product, demo data, command-line tools."""
