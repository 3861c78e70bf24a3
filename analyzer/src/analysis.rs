//! Runs the stages after ingest in order.
