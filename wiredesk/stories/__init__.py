"""Stories: agencies, sections, stories and their immutable agency versions."""
