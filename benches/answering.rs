//! Answering speed: index build time, and per-question latency of the full answer path
//! against a baseline (the search step alone) measured in the same run, interleaved so that
//! machine noise hits both alike.
//!
//! Run with `cargo bench --bench answering`. Questions: the evaluation's dev set when
//! `../shared/eval/questions-dev.jsonl` exists, plus every curated fact's alternate phrasings.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ictbot::answer::answer;
use ictbot::knowledge;
use ictbot::search::Engine;

const ROUNDS: usize = 20;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name:<28} n={:<6} median {:>8.1} µs   p90 {:>8.1} µs   p99 {:>8.1} µs   max {:>8.1} µs",
        samples.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e6,
        percentile(&samples, 0.9).as_secs_f64() * 1e6,
        percentile(&samples, 0.99).as_secs_f64() * 1e6,
        samples.last().unwrap().as_secs_f64() * 1e6,
    );
}

fn dev_questions(root: &Path) -> Vec<String> {
    let path = root.join("../shared/eval/questions-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["question"].as_str().map(str::to_string))
        .collect()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("knowledge");
    let mut build = Vec::new();
    for _ in 0..10 {
        let start = Instant::now();
        let knowledge = knowledge::load(&dir).expect("knowledge loads");
        black_box(Engine::build(knowledge).expect("index builds"));
        build.push(start.elapsed());
    }
    let engine = Engine::build(knowledge::load(&dir).unwrap()).unwrap();
    let dev = dev_questions(root);
    let paraphrases: Vec<String> = engine.knowledge().facts.iter().flat_map(|f| f.alternates.iter().cloned()).collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();

    let (mut full_dev, mut base_dev, mut full_all, mut base_all) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        for (questions, full, base) in
            [(&dev, &mut full_dev, &mut base_dev), (&paraphrases, &mut full_all, &mut base_all)]
        {
            for q in questions.iter() {
                let start = Instant::now();
                black_box(engine.search(black_box(q)));
                base.push(start.elapsed());
                let start = Instant::now();
                black_box(answer(&engine, black_box(q), today));
                full.push(start.elapsed());
            }
        }
    }
    println!("load + index build (10 runs)");
    report("  build", build);
    if !dev.is_empty() {
        println!("dev questions ({} x {ROUNDS} rounds)", dev.len());
        report("  baseline: search only", base_dev);
        report("  answer (full path)", full_dev);
    }
    println!("fact paraphrases ({} x {ROUNDS} rounds)", paraphrases.len());
    report("  baseline: search only", base_all);
    report("  answer (full path)", full_all);
}
