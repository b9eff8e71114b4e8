//! The floor a search engine on tantivy can reach: a minimal tantivy program with a plain default
//! schema (tag, cite and text as `TEXT`, the tag stored), no casebook code. `library_scale` runs
//! it as a whole process (its own executable in this mode: only this module's code runs) over
//! the same cards written as text files (one card a line), to set `casebook search` against it.
//!
//! Alone (`cargo bench --bench tantivy_baseline -- TEXT_DIR INDEX_DIR QUERY`) it indexes the text
//! files under TEXT_DIR into INDEX_DIR when that is empty, then prints the top 20 of QUERY.

use std::path::Path;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, Schema, TEXT, Value};
use tantivy::{Index, TantivyDocument, doc};

/// Indexes every file under `text_dir` into `index_dir`: one card a line, its tag, cite and
/// text separated by tabs.
pub fn index(text_dir: &Path, index_dir: &Path) -> tantivy::Result<()> {
    let mut builder = Schema::builder();
    let tag = builder.add_text_field("tag", TEXT | STORED);
    let cite = builder.add_text_field("cite", TEXT);
    let text = builder.add_text_field("text", TEXT);
    std::fs::create_dir_all(index_dir)?;
    let index = Index::create_in_dir(index_dir, builder.build())?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 50_000_000)?;
    let mut folders = vec![text_dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let content = std::fs::read_to_string(&path)?;
            for line in content.lines() {
                let mut fields = line.splitn(3, '\t');
                let (t, c, x) =
                    (fields.next().unwrap_or(""), fields.next().unwrap_or(""), fields.next().unwrap_or(""));
                writer.add_document(doc!(tag => t, cite => c, text => x))?;
            }
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()
}

/// Opens the index in `index_dir` and prints the tags of `query`'s top 20; the number of hits.
pub fn search(index_dir: &Path, query: &str) -> tantivy::Result<usize> {
    let index = Index::open_in_dir(index_dir)?;
    let schema = index.schema();
    let fields: Vec<_> = ["tag", "cite", "text"].iter().filter_map(|f| schema.get_field(f).ok()).collect();
    let tag = schema.get_field("tag")?;
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let (query, _) = QueryParser::for_index(&index, fields).parse_query_lenient(query);
    let (count, top) = searcher.search(&query, &(Count, TopDocs::with_limit(20).order_by_score()))?;
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        println!("{}", doc.get_first(tag).and_then(|v| v.as_str()).unwrap_or_default());
    }
    Ok(count)
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let [text_dir, index_dir, query] = args.as_slice() else {
        println!("usage: tantivy_baseline TEXT_DIR INDEX_DIR QUERY (run by library_scale)");
        return;
    };
    let index_dir = Path::new(index_dir);
    if !index_dir.join("meta.json").exists()
        && let Err(e) = index(Path::new(text_dir), index_dir)
    {
        eprintln!("{e}");
        return;
    }
    match search(index_dir, query) {
        Ok(n) => eprintln!("{n} hits"),
        Err(e) => eprintln!("{e}"),
    }
}
