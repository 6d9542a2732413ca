// Test helper: zip packages written byte by byte (the same module the benches use).
export * from "../../../scripts/bench/support/rawZip";
