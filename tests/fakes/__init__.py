"""Fakes the tests own: the only fake server is the X API (tests.fakes.x_api), because there is no internet."""
