"""Where tweets come from (X stream, mentions poll, replay, generator) and the Kafka publisher."""
