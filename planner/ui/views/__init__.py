"""Views of the open plan: the decisions table and its models and delegates, the plan view, the inspector,
the findings panel, and the helpers every view uses (formatting, lazy refresh, figures in the app's colours)."""
