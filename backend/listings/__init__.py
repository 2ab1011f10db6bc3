"""Research outputs and technology needs: listings, their review workflow and taxonomy."""
