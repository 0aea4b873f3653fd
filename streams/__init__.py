"""The Faust app: pure triage logic, thin agents over it, tables and the dead-letter path."""
