//! Cross-article merge for Hội Nghị (in progress).
