//! Comparing two drafts clause by clause.
//!
//! [`compare`] pairs the clauses of two proposals and returns a [`Diff`]: plain data that says,
//! for every clause of either draft, whether it is unchanged, modified, renumbered, moved,
//! reparented, added or removed, with word-level text changes, and which clauses were split or
//! merged; plus the changes to the proposal itself (title, status, bound parties, preamble) and
//! a [`Summary`].
//!
//! ```
//! use pactum::diff::{compare, ClauseChangeKind, Options};
//! use pactum::{Clause, Proposal};
//!
//! let clause = |id: &str, number: &str, text: &str| Clause::new(id.parse().unwrap(), text).with_number(number);
//! let old = Proposal::new("v1".parse()?, "Draft", "RU".parse()?)
//!     .with_clause(clause("a", "Article 1", "The Parties shall consult one another."))
//!     .with_clause(clause("b", "Article 2", "The Parties shall not deploy missiles in Europe."))
//!     .with_clause(clause("c", "Article 3", "This Agreement enters into force on signature."));
//! // Article 1 is gone, the rest renumbered, and "shall not" became "should not".
//! let new = Proposal::new("v2".parse()?, "Draft", "RU".parse()?)
//!     .with_clause(clause("x", "Article 1", "The Parties should not deploy missiles in Europe."))
//!     .with_clause(clause("y", "Article 2", "This Agreement enters into force on signature."));
//!
//! let diff = compare(&old, &new, &Options::default().without_ids());
//! assert_eq!(diff.summary.removed, 1);
//! assert_eq!(diff.summary.renumbered, 2);
//! assert_eq!(diff.summary.modified, 1);
//! let art2 = diff.clauses.iter().find(|c| c.new.as_ref().is_some_and(|p| p.id == "x")).unwrap();
//! assert_eq!(art2.kinds, [ClauseChangeKind::Modified, ClauseChangeKind::Renumbered]);
//! # Ok::<(), pactum::IdError>(())
//! ```
//!
//! # How clauses are paired
//!
//! This section is the design of the alignment: its steps in order, why each threshold has
//! its value, the work budgets, and the known limits. Each step pairs only clauses the steps
//! before it left free.
//!
//! 1. **Answer links**: when one proposal answers the other, a clause that names clauses it
//!    answers pairs with the first of them still free ([`Options::match_links`]).
//! 2. **Ids**: clauses with one [`ClauseId`](crate::ClauseId) ([`Options::match_ids`]), unless
//!    either proposal's ids were derived from its numbering
//!    ([`Proposal::ids_from_numbering`](crate::Proposal::ids_from_numbering), as imported texts'
//!    are): such ids say where a clause stands, not which clause it is.
//! 3. **Unique identical text** after [`normalize`] (white space, non-breaking spaces, curly
//!    quotes, dashes, hyphenation across line breaks, Unicode NFKC): a text found once in each
//!    draft pairs at once. These pairs are the **anchors** of everything after, as unique lines
//!    are in patience diff. A text repeated in either draft waits for step 4c.
//! 4. **Similar text**, the Dice coefficient of two texts' sets of word bigrams (word n-gram
//!    overlap, as treaty-text research measures it), at least [`Options::similarity_threshold`]
//!    (default 0.5: a clause with one word in six reworded scores about 0.65). The names each
//!    draft's title or preamble introduces and the other draft never uses ("the Republic of
//!    Arcadia" against "the Republic of Borduria") are read as one placeholder word in these
//!    bigrams, so that two clauses that differ only in the party they name pair; the text
//!    comparison still shows the names. The steps, in order:
//!    - **structure first** (as in step 5): a container whose children already pair costs no
//!      comparison of whole texts;
//!    - 4a. **whole clauses**: a clause with children (at most 128 in its subtree: an article
//!      with its paragraphs and points; a chapter pairs through its articles instead) is
//!      compared by the text of its whole subtree with the free clauses of the other draft that
//!      have children. An article whose first paragraph lost its number, so that its text is
//!      the article's own, still pairs with its counterpart. Where both clauses have text of
//!      their own, it must be alike too (to the threshold): otherwise two articles would pair
//!      through a paragraph moved from one to the other;
//!    - 4b. **structure** again, so that chapters follow the articles just paired;
//!    - 4c. **repeated identical texts** ("reporting its findings to the Joint Committee; and"
//!      under every sub-committee): within each text, a clause pairs first with one whose
//!      parent is paired with its own parent, and the rest pair in document order;
//!    - 4d. **each clause by its own text**. Clauses with the same text form a run, scored once;
//!      the run's members are shared out best first and then pair in parallel places first,
//!      then in document order, so that a hundred alike clauses changed alike pair in order
//!      and no cap on candidates starves them;
//!    - 4e. **whole clauses across shapes**: a clause with children against one without, among
//!      the children of paired parents only, so that an article of one paragraph pairs with
//!      the same article written as numbered paragraphs. Elsewhere an article would pair with
//!      the paragraph that holds most of its counterpart's text; and it comes after 4d, so that
//!      a clause of the same shape that answers better (a near-duplicate twin) is not taken.
//!
//!    Candidates come from an inverted index of bigrams (one bigram in four, chosen by value,
//!    of texts of 64 bigrams or more), using only bigrams held by at most 256 clauses, reading
//!    the rarest first and no more than 256 postings per clause, and scoring the 8 candidates
//!    (or runs) that share the most of them, so the cost stays near-linear in the number of
//!    clauses. When candidates tie with the 8th past those 8, up to 56 more that tie are
//!    scored: a cap must not decide between equal candidates; past that, [`Diff::approximate`]
//!    is set. Below the best, candidates that share only the least a candidate must (two
//!    bigrams), or under two thirds of what the best share, are chance, and those tied past
//!    the 8 are left out without the flag.
//!    Pairs are taken best first by their similarity plus a small **context** bonus (0.02 when
//!    their parents are paired with each other, 0.01 when the clauses just before them are):
//!    it only breaks near-ties, so boilerplate repeated under many articles pairs under the
//!    right article. A pair that would **cross the outline** (the nearest paired ancestors of
//!    the two are not paired with each other: a clause moving to another article or chapter)
//!    needs a similarity of 0.75: templates repeat their boilerplate in every chapter, so a
//!    moderately alike clause elsewhere is more often a sibling provision than the same one
//!    moved, and a clause that really moved usually moved whole.
//!
//!    **Conflicts.** Best first can cost a pair: new A is most like old X and a little less
//!    like old Y, new B is like X only; best first pairs A with X and leaves B and Y alone.
//!    So, in 4a, 4d and 4e, the candidate pairs linked through a shared clause form a conflict
//!    group, and each group takes the one-to-one choice of greatest total rank where that
//!    beats best first (by more than rounding): found exactly by dynamic programming over the
//!    subsets of the group's smaller side, up to 10 clauses on that side and 2^22 steps per
//!    comparison (past them best first stays, and [`Diff::approximate`] is set). Where best
//!    first pairs each clause of one side with its best partner, nothing can beat it, and no
//!    search is made. Only groups whose every pair stands in parallel places (parents paired
//!    with each other, or both at the top) are searched, and runs of equal clauses pair as
//!    runs: elsewhere, trading a pair for a better total paired articles with the wrong
//!    article on the corpus, where best first and the gaps of step 6 find the right one.
//! 5. **Structure**: a clause pairs with the free parent of its children's partners when both
//!    texts are empty (articles that only hold paragraphs) or at least half as alike as the
//!    threshold, and when the children they share are more than half of the children of each,
//!    or their whole texts are at least half as alike as the threshold: one short child in
//!    common ("This Article shall apply mutatis mutandis.") is chance. Candidates are scored by
//!    the children they share over the children either has, best first (at equal scores, the
//!    more alike own texts first), in rounds, so parts follow their articles. Before step 4d
//!    (the structure passes of step 4), two clauses of one child each, the one they share,
//!    pair only when their own texts reach the threshold: a paragraph moved into another
//!    article makes the two share their only child, and openings alike through a template's
//!    words alone ("The Parties shall not") must not pair them before each own text has met
//!    its best partner (the article kept, its paragraph moved out). Then **levels**: a clause paired with a part of its counterpart
//!    (its partner sits inside a free clause that stands in its own place, their whole texts
//!    at least half as alike as the threshold) pairs with the counterpart instead; this runs
//!    once over the pairs as they stand, so a repair never pulls another after it.
//! 6. **Gaps**: in every group of siblings under paired parents, and at the top, the clauses
//!    paired with each other are anchors (those whose old places increase); between two
//!    anchors the free clauses of each draft are the only candidates for each other, so a
//!    lower similarity pairs them: 0.6 of the threshold (0.3 by default), and 0.1 more than
//!    either clause shares with any anchor around the gap (words the whole template repeats,
//!    "... shall, in accordance with its laws and regulations, ...", make neighbours alike
//!    too, so two different provisions that share only those stay apart); most alike first,
//!    then the same in the parts of the gap before and after, so that pairs never cross. These
//!    pairs say [`MatchedBy::Context`]. A provision rewritten in place (whole-text Dice 0.3 to
//!    0.5) pairs this way. Then **numbers as evidence**: among the children of paired parents,
//!    a free clause pairs with the free sibling that bears its number (the keyword aside:
//!    "Article 4.2" and "Artículo 4.2" are both "4.2"; kinds, where both are known, must agree)
//!    from a quarter of shared bigrams (half the threshold), and 0.1 more than either shares
//!    with its siblings just before and after: two translations of one text share a quarter
//!    to a half, two short provisions that only open alike ("The Parties shall ...") about a
//!    fifth. These pairs say [`MatchedBy::Number`].
//! 7. **Position**: a clause with no text anywhere in its subtree (a heading alone, an article
//!    whose text is not known) has nothing else to pair by, so those still free pair in order
//!    among the children of paired parents, or at the top. A draft compared with itself thus
//!    pairs every clause and reports no change.
//!
//! **Drafts in different languages** (their [`language`](crate::Proposal::language) tags name
//! two languages; `en` and `en-GB` are one): steps 3 to 6 read texts, and between languages a
//! shared name or a bare number would pair clauses by accident, so they are skipped. Clauses
//! pair by outline only: links and explicit ids, then siblings under paired parents that bear
//! one number ([`MatchedBy::Number`]), then unnumbered siblings in order when both drafts have
//! as many ([`MatchedBy::Position`]). Such pairs are never unchanged: their texts differ.
//!
//! **Budgets.** Every step is bounded by counts, never by time: 8 candidates per clause from
//! at most 256 postings, and up to 56 more that tie with the 8th ([`Diff::approximate`] says
//! when more tied); a gap or a group of siblings is compared pair by pair only when it
//! holds at most 1,024 pairs (a larger one has no order left to trust); whole texts only for
//! subtrees of at most 128 clauses; conflict groups searched for their best choice only up to
//! 10 clauses on their smaller side and 2^22 steps in all. The word-level text comparison has budgets of its own
//! ([`Options::word_budget`], [`Options::total_budget`]); [`Diff::approximate`] says when they
//! bit. The budgets bound memory too: a text is counted before it is split into tokens, so a
//! text past the budget costs no list of them, and the bigrams computed for pairing are freed
//! before texts are compared. A comparison peaks at most at three times the size of its
//! drafts as JSON plus 64 MiB (`cargo bench --bench memory`).
//!
//! **Measured.** On the English pairs of trade agreements built from one template each
//! (`cargo run --release --example align_eval`, see the README), with titles dropped and ids
//! off, 97-100% of gold article pairs are found, none paired with a wrong article, and every
//! identical article is reported unchanged; on the Spanish pair, 98.9%, with one article
//! paired wrongly where the source lost a heading.
//!
//! **Known limits.**
//! - Nothing is weighted by rarity yet: bigrams count alike whether they are boilerplate or
//!   distinctive, so two different provisions that share more than half their words through
//!   a template's phrasing pair as one. (Weighting by inverse document frequency with the same
//!   thresholds found fewer true pairs on the corpus: the words a rewording changes are a
//!   clause's rarest, and weigh most. Ranking candidates by weighted Dice, the thresholds left
//!   on plain Dice, paired one article of the corpus with the wrong one: a template's
//!   sub-committee articles differ in rare words that other chapters share, and the context
//!   bonus no longer broke the tie.) Party names are masked only where a draft's title or
//!   preamble introduces them; a name that only the articles use, numbers and
//!   cross-references are not masked, and lower the similarity of otherwise equal clauses.
//!   (Masking numbers would make numbered near-duplicates, "zone 17" and "zone 18", tie.
//!   Masking only the numbers of cross-references ("Article 15", "paragraphs 2 and 3") found
//!   one article pair fewer on the corpus and paired one with a wrong article: agreements
//!   built from one template cite the same articles, so a matching reference is evidence,
//!   and without it the template's sub-committee articles looked alike. Masking every
//!   capitalised word that one draft uses three times or more and the other never changed no
//!   pair on the corpus, and took half again the instructions of the generated 10,000-clause
//!   comparison.)
//! - An article split into several pairs with one of them (or none) and is reported as a split
//!   (see below); which part it pairs with follows similarity, not the reader's sense of which
//!   part continues the article.
//! - Between languages, a clause that moved or was renumbered is not found: the outline is all
//!   there is.
//! - A clause moved to another chapter and reworded (similarity under 0.75) is reported
//!   removed and added.
//! - Runs of more than 1,024 pairs in one gap, and groups of alike siblings as large, are left
//!   to the steps that use the index.
//!
//! # What is reported
//!
//! A paired clause is **modified** when its text, heading, text basis, sources, answer links or
//! commitments changed (a change of quotes or spaces only is still a change, marked
//! [`TextChange::typographic_only`]); **renumbered** when its displayed number changed;
//! **reparented** when its parent is not its old parent's partner; **moved** when, among the
//! clauses that kept their parent, it is outside the heaviest increasing subsequence of old
//! positions (a clause weighs the clauses of its subtree; ties keep the clauses that came first
//! in the old draft), so one moved clause is one move and not a cascade. Kinds combine: a
//! clause moved and edited is both. Unpaired clauses are **added** or **removed**.
//!
//! A **split** is a removed or changed clause, not covered by its own partner alone, whose word
//! bigrams are covered, to at least [`Options::split_threshold`] (default 0.8), by two or more
//! clauses of the other draft (at most 8 looked at), at least one of them unpaired, each taking
//! at least half of its own bigrams from it and each adding bigrams the others do not cover;
//! parts are taken most shared first until they cover the threshold. A **merge** is the same
//! the other way round.
//!
//! Where a clause is [bracketed](crate::Clause::bracketed) in either draft, its brackets are
//! compared too: each one **resolved** (a choice kept as agreed words), **removed**, **added**
//! or **reopened** ([`BracketChange`]), with the clause's tallies ([`ClauseBrackets`]) and the
//! two drafts' ([`Diff::brackets`]). A change of words inside a bracket is a text change like
//! any other.
//!
//! # Commitments
//!
//! Text tools say which words changed; [`Diff::commitments`] says who is now bound to what.
//! The commitments of each pair of clauses are paired by id, then by alike actions (word-bigram
//! Dice at least 0.5, or 0.25 with the same obligors), then, in clauses paired by an answer
//! link, the rest in order. Each pair is classified field by field ([`CommitmentChange`]), with
//! a [`Direction`] where one exists; a commitment only on one side is added or dropped (so are
//! the commitments of added and removed clauses). Obligors are resolved to parties, groups
//! included, when the diff is made with [`compare_in`].
//!
//! [`Diff::commitments`] is the one record of commitment changes. Each entry that holds a
//! commitment says where it stands in its clause's list (`old_index`, `new_index`); the clause
//! entries hold no copy, and an added or removed clause's content comes without its
//! commitments. [`Diff::apply`] rebuilds each list from the entries: the old list without what
//! they take, with what they place, the equal commitments kept in their old order in the
//! places left. An equal commitment that is no longer in that order is listed as
//! [`CommitmentChange::Moved`]; one that differs only in id or origin is listed with no change.
//!
//! Modalities stand on a scale of firmness within two polarities:
//!
//! | firmness | asks for or allows | forbids |
//! |---|---|---|
//! | 3, binding | obligation ("shall") | prohibition ("shall not") |
//! | 2, recommended | recommendation ("should") | discouragement ("should not") |
//! | 1, allowed or offered | permission ("may"), offer ("is prepared to") | |
//! | 0, stated | statement ("reaffirms") | |
//!
//! Within one polarity, firmer is a **strengthening** and looser a **weakening**, with one
//! exception: a permission or offer that becomes an obligation ("may" to "shall") is an
//! **imposition**, a duty laid where there was a choice, and the reverse a **lifting**.
//! Between polarities, "shall" against "shall not" (either firmness 2 or more on the asking
//! side) is a **reversal**, a prohibition that becomes a permission, offer or statement is a
//! **lifting**, and the opposite an **imposition**. "Will" and "shall" are both obligations,
//! so one against the other is no change. More obligors, beneficiaries, areas or time is a
//! **widening**, less a **narrowing**; no area and no time bound mean everywhere and always, so
//! the first area narrows. A condition or exception added weakens, one removed strengthens;
//! legally binding to political weakens. Comparing the drafts the other way round turns every
//! direction into its [inverse](Direction::inverse).
//!
//! Where neither clause of a pair encodes a commitment, a change of the deontic markers of the
//! text ("shall" became "should", "shall not" dropped) is still reported, inferred from the
//! text ([`CommitmentMatch::Text`]), with an [`Excerpt`] on each side: the sentence, the
//! marker's words, what they express and their subject as written. "Will" is an obligation,
//! so "will" against "shall" is no change. Each sentence is read first
//! ([`deontic::read`](crate::deontic::read)): a marker that binds no one by its rule table
//! ("shall enter into force", "shall apply to", "shall mean", "shall be construed", "shall not
//! affect", "shall be final and binding", "Cooperation may include"), that belongs to the
//! commitment around it ("shall ensure that they should", "as the Parties may agree", "if the
//! Parties agree to"), or that repeats the one before it for the same subject counts for
//! nothing.
//!
//! - **By content, not order.** The sentences of the two texts are aligned by their
//!   normalised text (Myers); a changed run of sentences pairs by what follows each one's
//!   first marker (word bigrams, most alike first, from a third), so that a subject opening
//!   every sentence ("Each Party shall") does not decide; two one-sentence texts pair as they
//!   are. The markers of two aligned sentences are aligned by their modalities (Myers); a
//!   sentence on one side only brings its markers as added or dropped. So one inserted
//!   "shall" shifts no other pairing. A changed run of more than 4,096 sentence pairs is
//!   walked in order instead: each sentence pairs with the most alike of the next two of the
//!   other side, from a third (a run reworded in place pairs as it would; the work is
//!   linear).
//! - **Lists.** A lead-in ("Each Party shall:") binds its subject to each item, in the same
//!   text or in the clause's children: each item is read with its lead-in before it, unless
//!   it has a marker of its own, or holds fewer than two words, or opens with no act ("(b)
//!   when the expropriation occurred"). So a modal moved between a lead-in and its items
//!   changes nothing, and an item added under "shall:" adds an obligation.
//! - **Moved and standing commitments.** A commitment dropped in one place and added in
//!   another, with the same modality and verb and what follows the marker a third alike (or
//!   whole sentences 0.6 alike), or the same subject and what follows 0.4 alike, moved: both
//!   go; so do two of one pair of clauses with the same modality, subject and verb, what
//!   follows a fifth alike or the words of one among the other's (the commitment reworded). With the same subject and verb, what follows half alike and another modality, the
//!   two are one change of modality ("The Board shall meet for the first time within a year"
//!   dropped, "The Board may meet for the first time within two years" added elsewhere: a
//!   lifting). An added or dropped commitment whose like (same modality,
//!   verb and two words after it, what follows the marker half alike) stands anywhere in the
//!   other draft is not new or gone; for an item of a list, its like is the same item under
//!   a lead-in of the same modality, or the lead-in's act and the item read together ("shall
//!   grant to the residents of the other Party: (a) access to its courts"). Items
//!   of a lead-in too long to compare with them are compared by the lead-in's first three
//!   words and the item, so that two items of one list never meet for the lead-in they
//!   share. Words that text extraction glued together ("bemaintained", "notifiedto") are
//!   taken apart before acts are compared. These passes look at no more than 64 candidates
//!   per entry and 262,144 comparisons in all.
//!
//! A change read from text binds the parties its subject names: a party of the negotiation by
//! name or alias (with [`compare_in`]), else any of the proposal's parties for "Each Party",
//! "the Parties" and the like (`old_obligors`, `new_obligors`; none for "The Committee"), so
//! [`Diff::for_party`] keeps it for them.
//!
//! An added or removed clause that encodes no commitment brings the binding markers of its
//! text as added or dropped. (A text of more than 2,000 sentences counts as one sentence.)
//! On real agreements about five in six of the changes so read are right (a provision
//! reworded where the outline changed is the main error); see the README for the audit and
//! its known gaps. Each draft's text is read in its [`language`](crate::Proposal::language)
//! ([`deontic::read_in`](crate::deontic::read_in)).
//!
//! # Work budgets
//!
//! Word-level changes come from `similar`'s Myers diff over tokens (words, spaces,
//! punctuation). A pair of texts with more than [`Options::word_budget`] tokens, or one met
//! after [`Options::total_budget`] tokens have been compared in this diff, is compared by
//! sentences (and by words inside each changed run of sentences, budget allowing), else
//! replaced whole; [`TextChange::granularity`] and [`Diff::approximate`] record it. Budgets
//! count tokens, not time, so a result never depends on machine load; [`Options::deadline`]
//! adds a wall-clock limit for callers who prefer one.

//!
//! # The JSON shape
//!
//! With the `serde` feature a [`Diff`] serializes to (and reads back from) JSON: snake_case
//! names, kinds as strings, text changes as runs of `{"equal": ...}`, `{"delete": ...}` and
//! `{"insert": ...}`, empty and absent fields left out:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use pactum::diff::{compare, Options};
//! use pactum::{Clause, Proposal};
//!
//! let old = Proposal::new("v1".parse()?, "Draft", "A".parse()?)
//!     .with_clause(Clause::new("a".parse()?, "The Parties shall consult one another.").with_number("Article 1"));
//! let new = Proposal::new("v2".parse()?, "Draft", "A".parse()?)
//!     .with_clause(Clause::new("a".parse()?, "The Parties should consult one another.").with_number("Article 2"));
//! let json = serde_json::to_value(compare(&old, &new, &Options::default())).unwrap();
//! assert_eq!(json, serde_json::json!({
//!     "pactum_diff": "1.0",
//!     "old": "v1",
//!     "new": "v2",
//!     // No commitment was encoded, so the change of deontic marker is inferred from the text.
//!     "commitments": [{
//!         "old_clause": "a",
//!         "new_clause": "a",
//!         "old_excerpt": {
//!             "sentence": "The Parties shall consult one another.",
//!             "marker": "shall",
//!             "modality": "obligation",
//!             "subject": "The Parties",
//!         },
//!         "new_excerpt": {
//!             "sentence": "The Parties should consult one another.",
//!             "marker": "should",
//!             "modality": "recommendation",
//!             "subject": "The Parties",
//!         },
//!         "matched_by": "text",
//!         "changes": [
//!             { "change": "modality", "old": "obligation", "new": "recommendation", "direction": "weakening" }
//!         ]
//!     }],
//!     "clauses": [{
//!         "kinds": ["modified", "renumbered"],
//!         "old": { "id": "a", "number": "Article 1", "index": 0 },
//!         "new": { "id": "a", "number": "Article 2", "index": 0 },
//!         "matched_by": "id",
//!         "similarity": 0.6,
//!         "text": {
//!             "ops": [
//!                 { "equal": "The Parties " },
//!                 { "delete": "shall" },
//!                 { "insert": "should" },
//!                 { "equal": " consult one another." }
//!             ],
//!             "granularity": "word",
//!             "typographic_only": false
//!         },
//!         "number": { "old": "Article 1", "new": "Article 2" }
//!     }],
//!     "summary": {
//!         "old_clauses": 1, "new_clauses": 1, "unchanged": 0, "modified": 1, "renumbered": 1,
//!         "moved": 0, "reparented": 0, "added": 0, "removed": 0, "splits": 0, "merges": 0,
//!         "proposal_fields": 0, "recitals": 0, "commitments": 1, "similarity": 0.6
//!     },
//!     "approximate": false
//! }));
//! # }
//! # Ok::<(), pactum::IdError>(())
//! ```
//!
//! A clause only in one draft carries that draft's `clause` (without its children, which have
//! entries of their own); a paired clause carries `text`, `heading`, `number`, `kind`,
//! `deleted`, `bracketed`, `text_basis`, `sources` and `answers` as `{"old": ..., "new": ...}`
//! when they changed; its commitments are entries of `commitments`. A clause bracketed in
//! either draft ([`crate::brackets`]) whose text changed, or that was added or removed,
//! carries `brackets`: its tallies (`{"tally": {"old": {...}, "new": {...}}`) and its
//! [`BracketChange`]s (`{"change": "resolved", "bracket": {"offset": 12, "kind":
//! "alternatives", "choices": ["shall", "should"]}, "kept": 0}`); the diff then carries the two
//! drafts' tallies in `brackets`, and is written as version 1.1. A party's view ([`Diff::for_party`]) says whose it is in `party`.
//! Proposal changes are `{"field": "title", "old": ..., "new": ...}`; recitals are
//! `{"change": "modified", "old": ..., "new": ..., "text": ...}` and the like.
//!
//! The diff format has a version of its own, `"pactum_diff"` ([`DIFF_FORMAT_VERSION`]).
//! Reading a diff [checks](Diff::check) it: an entry without a side, kinds that do not fit an
//! entry's sides, a repeated id, places that do not form a tree, or a split, merge or
//! commitment change that names a clause the diff does not have or a place taken twice, are
//! refused with the path and the reason. A diff written before the format had a version has no `"pactum_diff"` and
//! is refused as such; compare the drafts again.

mod acts;
pub(crate) mod align;
mod brackets;
mod check;
mod commitment;
mod compare;
mod inferred;
mod kinds;
mod moved;
mod normalize;
mod patch;
mod preamble;
mod text;
mod types;

pub use brackets::{BracketChange, BracketRef, ClauseBrackets};
pub use check::{DIFF_FORMAT_VERSION, DiffError};
pub use commitment::{
    CommitmentChange, CommitmentDiff, CommitmentMatch, Direction, Excerpt, modality_direction,
};
pub use compare::{Options, compare, compare_in};
pub use kinds::ChangeKinds;
pub use normalize::normalize;
pub use patch::{PatchError, PatchErrorKind};
pub use types::{
    Change, ClauseChangeKind, ClauseDiff, Diff, Granularity, MatchedBy, Merge, Placement,
    ProposalChange, RecitalChange, Split, Summary, TextChange, TextOp,
};
