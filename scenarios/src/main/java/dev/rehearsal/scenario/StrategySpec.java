package dev.rehearsal.scenario;

import java.util.List;

/** One way to perform the schema change: steps applied in order, under load. */
public record StrategySpec(String name, String description, List<StepSpec> steps) {}
