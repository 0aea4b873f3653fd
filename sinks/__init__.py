"""ClickHouse: schema migrations, the batching writer, the sink process and the report queries."""
