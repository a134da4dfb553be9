//! Scale: the engine over the shipped knowledge plus generated passages (10,000 and 100,000),
//! measured in one run against a plain BM25 baseline (tantivy's default tokenizer, one
//! `Should` term query per question word) over the same passages.
//!
//! Run with `cargo bench --bench scale` (`SCALE_SIZES=10000` to pick sizes). Reports build
//! time, resident memory after the build, median and p99 per question, a 64-unknown-word
//! message, and the ratios the issue sets targets for.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ictbot::answer::answer;
use ictbot::knowledge::{self, Document, Knowledge, Paragraph};
use ictbot::search::Engine;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TEXT};
use tantivy::{Index, TantivyDocument, Term};

const QUESTIONS: &[&str] = &[
    "When did the ICT ministers meet in Istanbul?",
    "Who is the Minister of Digital Development of the Kyrgyz Republic?",
    "How many regional technoparks have been opened to scale the experience of Astana Hub?",
    "wehn was the 3rd meeting of ict minsters of the turkic councl",
    "Когда состоялась первая встреча министров ИКТ Тюркского совета?",
    "Tokayev Qəbələdə nə təklif etdi?",
    "Which Belarusian IT companies have representative offices in Uzbekistan?",
    "What will the weather be like in Tashkent tomorrow?",
];

/// A deterministic pseudo-random generator (no crate needed for a bench).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Passages of 40 words drawn from the shipped vocabulary plus invented names, so the
/// vocabulary grows with the corpus as real documents' would.
fn grow(mut knowledge: Knowledge, passages: usize) -> Knowledge {
    let vocabulary: Vec<String> = knowledge
        .documents
        .iter()
        .flat_map(|d| d.paragraphs.iter())
        .flat_map(|p| p.text.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut rng = Lcg(7);
    let syllables = ["ka", "zo", "rim", "tel", "vo", "nar", "qu", "bex", "lin", "dor", "sha", "mu"];
    let per_document = 20;
    for d in 0..passages.div_ceil(per_document) {
        let paragraphs = (0..per_document)
            .map(|p| {
                let mut words: Vec<String> =
                    (0..40).map(|_| vocabulary[rng.next() as usize % vocabulary.len()].clone()).collect();
                let name: String = (0..3).map(|_| syllables[rng.next() as usize % syllables.len()]).collect();
                words.insert(3, format!("{name}ov"));
                Paragraph { text: format!("{}.", words.join(" ")), line: p + 1 }
            })
            .collect();
        knowledge.documents.push(Document {
            id: format!("generated-{d}"),
            title: format!("Generated report {d}"),
            organizations: vec!["SCO".into()],
            date: None,
            date_label: None,
            url: None,
            publisher: None,
            path: format!("documents/generated-{d}.md"),
            paragraphs,
        });
    }
    knowledge
}

struct Baseline {
    index: Index,
    text: tantivy::schema::Field,
}

impl Baseline {
    fn build(knowledge: &Knowledge) -> Baseline {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 30_000_000).unwrap();
        for p in knowledge.documents.iter().flat_map(|d| &d.paragraphs) {
            let mut doc = TantivyDocument::default();
            doc.add_text(text, &p.text);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        Baseline { index, text }
    }

    fn search(&self, reader: &tantivy::IndexReader, question: &str) -> usize {
        let clauses: Vec<(Occur, Box<dyn Query>)> = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let term = Term::from_field_text(self.text, &w.to_lowercase());
                (Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)) as Box<dyn Query>)
            })
            .collect();
        reader.searcher().search(&BooleanQuery::new(clauses), &TopDocs::with_limit(5).order_by_score()).unwrap().len()
    }
}

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status.lines().find(|l| l.starts_with(key)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
    };
    kb("VmRSS:").unwrap_or(0.0) / 1024.0
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let shipped = knowledge::load(&dir).expect("knowledge loads");
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let sizes: Vec<usize> = std::env::var("SCALE_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![0, 10_000, 100_000]);
    let mut shipped_median = None;
    for size in sizes {
        let knowledge = grow(shipped.clone(), size);
        let before = rss_mb();
        let start = Instant::now();
        let engine = Engine::build(knowledge.clone()).expect("index builds");
        let build = start.elapsed();
        let engine_mb = rss_mb() - before;
        let baseline = Baseline::build(&knowledge);
        let reader = baseline.index.reader().unwrap();
        // Warm-up: the language tables are parsed on first use, once per process.
        black_box(answer(&engine, QUESTIONS[0], today));
        let (mut ours, mut base, mut long) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..15 {
            for q in QUESTIONS {
                let t = Instant::now();
                black_box(baseline.search(&reader, q));
                base.push(t.elapsed());
                let t = Instant::now();
                black_box(answer(&engine, q, today));
                ours.push(t.elapsed());
            }
            // Fresh unknown words each round, so the correction cache does not hide their cost.
            let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
            let message: String = (0..64)
                .map(|i| format!("qzxministerialw{}{}kab", letter(i), letter(round)))
                .collect::<Vec<_>>()
                .join(" ");
            let t = Instant::now();
            black_box(answer(&engine, &message, today));
            long.push(t.elapsed());
        }
        let (median, p99) = (percentile(&mut ours, 0.5), percentile(&mut ours, 0.99));
        let (base_median, base_p99) = (percentile(&mut base, 0.5), percentile(&mut base, 0.99));
        let long_median = percentile(&mut long, 0.5);
        let shipped_ref = *shipped_median.get_or_insert(median);
        println!(
            "passages +{size:>6}: build {:>7.0} ms  engine RSS +{engine_mb:>6.1} MB (process {:>6.1} MB)\n  answer   median {:>6.2} ms p99 {:>6.2} ms | plain BM25 median {:>6.2} ms p99 {:>6.2} ms | ratio {:>4.1}x\n  64 unknown words median {:>6.2} ms ({:.1}x a question) | per-question time {:.1}x that on shipped knowledge",
            ms(build),
            rss_mb(),
            ms(median),
            ms(p99),
            ms(base_median),
            ms(base_p99),
            median.as_secs_f64() / base_median.as_secs_f64().max(1e-9),
            ms(long_median),
            long_median.as_secs_f64() / median.as_secs_f64().max(1e-9),
            median.as_secs_f64() / shipped_ref.as_secs_f64().max(1e-9),
        );
    }
}
