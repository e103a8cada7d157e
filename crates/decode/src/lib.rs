//! File decoding for Hội Nghị (in progress).
