// Excluded by `scan.exclude` in trackplan.toml: nothing here is reported.
analytics.track("Legacy Thing Happened", { whatever: 1 });
