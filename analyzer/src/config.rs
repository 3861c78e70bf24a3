//! `seam.toml`: a project's configuration — extra models, roots, mutual
//! exclusion, entry locksets, suppressions. Read by `seam check --config`
//! (default: `./seam.toml` when it exists).

use std::path::Path;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Extra model files, relative to the config file.
    #[serde(default)]
    pub models: Vec<String>,
    /// Functions to treat as thread roots in addition to the derived ones.
    #[serde(default, rename = "root")]
    pub roots: Vec<RootConfig>,
    /// Pairs of roots that never run at the same time.
    #[serde(default, rename = "exclusive")]
    pub exclusive: Vec<ExclusiveConfig>,
    /// Lock-imbalance expectations: functions that return with a lock held
    /// (or release one taken by the caller) by design.
    #[serde(default, rename = "lock_transfer")]
    pub lock_transfers: Vec<LockTransferConfig>,
    #[serde(default, rename = "suppress")]
    pub suppressions: Vec<Suppression>,
    /// SARIF `automationDetails.id` category (default `seam/`).
    #[serde(default)]
    pub category: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootConfig {
    /// Symbol or demangled name of the function.
    pub function: String,
    /// Execution context name (see models: process, hardirq, work, …).
    #[serde(default)]
    pub context: Option<String>,
    /// Whether two instances may run at once (default true).
    #[serde(default)]
    pub self_concurrent: Option<bool>,
    /// Locks held on entry, by source name (`struct phy_device.lock`) or
    /// `argN.field` / `argN+offset` (`arg0+16`).
    #[serde(default)]
    pub holds: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusiveConfig {
    pub functions: Vec<String>,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockTransferConfig {
    pub function: String,
    /// `acquires` (returns with the lock held) or `releases` (releases the caller's lock).
    pub effect: String,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    pub rule: String,
    /// Matches a finding when one of its accesses is in this function…
    #[serde(default)]
    pub function: Option<String>,
    /// …or its location name (`struct my_dev.stats`) equals this.
    #[serde(default)]
    pub location: Option<String>,
    /// Why the finding is not a bug. Required.
    pub reason: String,
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let cfg: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        for s in &cfg.suppressions {
            if s.reason.trim().is_empty() {
                return Err(format!(
                    "suppression of `{}` needs a non-empty `reason`",
                    s.rule
                ));
            }
        }
        Ok(cfg)
    }
}
