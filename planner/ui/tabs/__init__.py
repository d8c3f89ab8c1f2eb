"""The analysis tabs: a chart tab per chart, Capacity, Cost, Coverage, Risk and the scenario Compare view."""
