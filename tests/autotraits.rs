//! Every public type can cross threads: a program that embeds pactum can parse, validate and
//! compare on worker threads and share the results (as semver's `test_autotrait` does).

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn model_and_ids() {
    use pactum::*;
    assert_send_sync::<Binding<'static>>();
    assert_send_sync::<Clause>();
    assert_send_sync::<ClauseId>();
    assert_send_sync::<Commitment>();
    assert_send_sync::<CommitmentId>();
    assert_send_sync::<Completeness>();
    assert_send_sync::<Delegate>();
    assert_send_sync::<Delegation>();
    assert_send_sync::<DuplicateIdError<PartyId>>();
    assert_send_sync::<IdError>();
    assert_send_sync::<IdErrorReason>();
    assert_send_sync::<LegalForce>();
    assert_send_sync::<Meeting>();
    assert_send_sync::<MeetingId>();
    assert_send_sync::<Membership>();
    assert_send_sync::<Modality>();
    assert_send_sync::<Negotiation>();
    assert_send_sync::<NestingError>();
    assert_send_sync::<Origin>();
    assert_send_sync::<Party>();
    assert_send_sync::<PartyId>();
    assert_send_sync::<PartyKind>();
    assert_send_sync::<PartyRef>();
    assert_send_sync::<Proposal>();
    assert_send_sync::<ProposalId>();
    assert_send_sync::<Provenance>();
    assert_send_sync::<Recital>();
    assert_send_sync::<Scope>();
    assert_send_sync::<Source>();
    assert_send_sync::<Status>();
    assert_send_sync::<TextBasis>();
    assert_send_sync::<ClauseKind>();
    assert_send_sync::<UnknownPartyError>();
}

#[test]
fn brackets() {
    use pactum::brackets::*;
    assert_send_sync::<Bracket>();
    assert_send_sync::<BracketError>();
    assert_send_sync::<BracketErrorKind>();
    assert_send_sync::<BracketKind>();
    assert_send_sync::<Bracketed>();
    assert_send_sync::<Choice>();
    assert_send_sync::<Segment>();
    assert_send_sync::<Tally>();
    assert_send_sync::<TallyChange>();
}

#[test]
fn merge() {
    use pactum::merge::*;
    assert_send_sync::<CommitmentConflict>();
    assert_send_sync::<Conflict>();
    assert_send_sync::<ConflictKind>();
    assert_send_sync::<MergeError>();
    assert_send_sync::<Merged>();
    assert_send_sync::<Options>();
    assert_send_sync::<Resolution>();
}

#[test]
fn validation_import_and_markers() {
    use pactum::validate::*;
    assert_send_sync::<Key>();
    assert_send_sync::<Location>();
    assert_send_sync::<Problem>();
    assert_send_sync::<ProblemKind>();
    assert_send_sync::<Report>();
    assert_send_sync::<Severity>();
    assert_send_sync::<Step>();
    assert_send_sync::<ValidationError>();

    use pactum::import::*;
    assert_send_sync::<ImportError>();
    assert_send_sync::<ImportOptions>();
    assert_send_sync::<BracketMode>();
    assert_send_sync::<ImportReport>();
    assert_send_sync::<Loaded>();
    assert_send_sync::<LoadError>();
    assert_send_sync::<Note>();
    assert_send_sync::<SetAside>();

    assert_send_sync::<pactum::deontic::Marker>();
    assert_send_sync::<pactum::deontic::Reading>();
    assert_send_sync::<pactum::deontic::Role>();
    assert_send_sync::<pactum::deontic::Rule>();
}

#[test]
fn diff() {
    use pactum::diff::*;
    assert_send_sync::<BracketChange>();
    assert_send_sync::<BracketRef>();
    assert_send_sync::<ClauseBrackets>();
    assert_send_sync::<Change<String>>();
    assert_send_sync::<ClauseChangeKind>();
    assert_send_sync::<ClauseDiff>();
    assert_send_sync::<CommitmentChange>();
    assert_send_sync::<CommitmentDiff>();
    assert_send_sync::<pactum::diff::Excerpt>();
    assert_send_sync::<CommitmentMatch>();
    assert_send_sync::<Diff>();
    assert_send_sync::<Direction>();
    assert_send_sync::<Granularity>();
    assert_send_sync::<MatchedBy>();
    assert_send_sync::<Merge>();
    assert_send_sync::<Options>();
    assert_send_sync::<PatchError>();
    assert_send_sync::<PatchErrorKind>();
    assert_send_sync::<DiffError>();
    assert_send_sync::<ChangeKinds>();
    assert_send_sync::<pactum::render::Comparison<'static>>();
    assert_send_sync::<pactum::render::WrongProposal>();
    assert_send_sync::<pactum::render::HtmlOptions>();
    assert_send_sync::<Placement>();
    assert_send_sync::<ProposalChange>();
    assert_send_sync::<RecitalChange>();
    assert_send_sync::<Split>();
    assert_send_sync::<Summary>();
    assert_send_sync::<TextChange>();
    assert_send_sync::<TextOp>();
}

#[cfg(feature = "serde")]
#[test]
fn format() {
    assert_send_sync::<pactum::format::ReadError>();
    assert_send_sync::<pactum::format::ReadErrorKind>();
}

#[cfg(feature = "proptest")]
#[test]
fn strategy() {
    use pactum::strategy::*;
    assert_send_sync::<Edit>();
    assert_send_sync::<EditedPair>();
    assert_send_sync::<InvalidNegotiation>();
    assert_send_sync::<Limits>();
    assert_send_sync::<UnreadableDocument>();
}

/// The lists above name every `pub struct` and `pub enum` declared in `src/`, so that a new
/// public type cannot miss the check.
#[test]
fn every_public_type_is_listed() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ reads") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let this = include_str!("autotraits.rs");
    let mut missing = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a source file reads");
        for line in source.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("pub struct ")
                .or_else(|| line.strip_prefix("pub enum "))
            else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // Empty in the macros' templates (`pub struct $name`).
            let listed = ["<", "::"].iter().any(|before| {
                ['>', '<']
                    .iter()
                    .any(|after| this.contains(&format!("{before}{name}{after}")))
            });
            if !name.is_empty() && !listed {
                missing.push(format!("{name} ({})", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not checked for Send + Sync: {missing:?}"
    );
}
