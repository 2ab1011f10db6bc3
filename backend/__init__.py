"""techmatch backend: the FastAPI application and its domain packages."""
