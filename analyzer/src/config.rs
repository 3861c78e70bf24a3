//! `seam.toml`: project configuration (extra models, roots, suppressions).
