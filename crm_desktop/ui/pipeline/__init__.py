"""The pipeline workspace: the kanban of deals and what moving a card asks."""
