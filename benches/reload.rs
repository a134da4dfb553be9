//! Reload cost: time and peak memory of a reload (load, diff, index, swap) while the old
//! engine stays in service, against a baseline measured in the same run: building the same
//! folder from scratch as at start-up (load and index only). Interleaved so machine noise hits
//! both alike.
//!
//! Folders: the shipped `knowledge/`, and 2,000 generated documents (about 20 MB) written at
//! bench time into a temporary folder (never committed). Peak memory is the process's high
//! water mark (`VmHWM`, reset through `/proc/self/clear_refs` before each reload), minus the
//! resident size just before it: what a reload adds on top of the running bot.
//!
//! Run with `cargo bench --bench reload` (`RELOAD_BENCH_DOCUMENTS=N` changes the size).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ictbot::admin::{Outcome, Trigger};
use ictbot::conversation::{Conversation, Settings};
use ictbot::knowledge;
use ictbot::search::Engine;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// `VmHWM` or `VmRSS` from /proc/self/status, in MiB (0 where /proc is missing).
fn status_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn conversation(dir: &Path) -> Conversation {
    let engine = Engine::build(knowledge::load(dir).unwrap()).unwrap();
    let settings = Settings {
        knowledge_dir: dir.to_path_buf(),
        admin_ids: BTreeSet::new(),
        timezone: chrono_tz::Asia::Almaty,
        today: None,
    };
    Conversation::new(engine, settings)
}

fn bench(name: &str, dir: &Path, rounds: usize) {
    let size: u64 = walk(dir).iter().map(|p| p.metadata().map_or(0, |m| m.len())).sum();
    let chat = conversation(dir);
    let (mut baseline, mut reloads, mut added) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        let engine = Engine::build(knowledge::load(dir).unwrap()).unwrap();
        baseline.push(started.elapsed());
        drop(engine);

        let before = status_mib("VmRSS:");
        reset_peak();
        let started = Instant::now();
        let outcome = chat.reload(Trigger::Command);
        reloads.push(started.elapsed());
        added.push(status_mib("VmHWM:") - before);
        assert!(matches!(outcome, Outcome::Reloaded { .. }), "{outcome:?}");
    }
    baseline.sort();
    reloads.sort();
    added.sort_by(f64::total_cmp);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: {} documents, {:.1} MB, {rounds} rounds, resident after load {:.0} MiB",
        chat.engine().knowledge().documents.len(),
        size as f64 / 1e6,
        status_mib("VmRSS:")
    );
    println!(
        "  start-up build (baseline)  median {:>8.1} ms   p99 {:>8.1} ms",
        ms(percentile(&baseline, 0.5)),
        ms(percentile(&baseline, 0.99))
    );
    println!(
        "  reload (load+diff+index+swap) median {:>8.1} ms   p99 {:>8.1} ms   ratio {:.2}",
        ms(percentile(&reloads, 0.5)),
        ms(percentile(&reloads, 0.99)),
        percentile(&reloads, 0.5).as_secs_f64() / percentile(&baseline, 0.5).as_secs_f64()
    );
    println!(
        "  peak memory added during the swap: median {:.0} MiB, max {:.0} MiB",
        added[added.len() / 2],
        added[added.len() - 1]
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// Deterministic pseudo-random words (a small LCG; no crate needed for filler text).
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        const WORDS: &[&str] = &[
            "digital",
            "cooperation",
            "ministers",
            "agreed",
            "broadband",
            "satellite",
            "programme",
            "data",
            "centre",
            "cyber",
            "security",
            "e-government",
            "platform",
            "regional",
            "summit",
            "forum",
            "telecommunications",
            "spectrum",
            "roaming",
            "infrastructure",
            "innovation",
            "technopark",
            "artificial",
            "intelligence",
            "standards",
            "interoperability",
            "training",
            "investment",
            "the",
            "of",
            "and",
            "in",
            "on",
            "for",
            "a",
            "with",
            "to",
            "by",
            "member",
            "states",
        ];
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        WORDS[(self.0 >> 33) as usize % WORDS.len()]
    }
}

/// Writes `documents` documents of about 10 kB each into `dir`.
fn generate(dir: &Path, documents: usize) {
    std::fs::create_dir_all(dir.join("documents")).unwrap();
    let mut words = Words(42);
    for n in 0..documents {
        let mut text = format!(
            "+++\nid = \"gen-{n}\"\ntitle = \"Generated note {n}\"\norganizations = [\"SCO\"]\ndate = \"2025-{:02}-{:02}\"\ndate_label = \"published\"\n+++\n",
            n % 12 + 1,
            n % 28 + 1
        );
        for _ in 0..10 {
            let mut paragraph = String::new();
            while paragraph.len() < 1000 {
                paragraph.push_str(words.next());
                paragraph.push(' ');
            }
            text.push_str(paragraph.trim_end());
            text.push_str(".\n\n");
        }
        std::fs::write(dir.join(format!("documents/{n:05}-gen.md")), text).unwrap();
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench("shipped knowledge", &root.join("knowledge"), 10);
    let documents = std::env::var("RELOAD_BENCH_DOCUMENTS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), documents);
    bench("generated folder", dir.path(), 3);
}
