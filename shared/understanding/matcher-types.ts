/**
 * The contract between the signing flow and the understanding module. The signing flow only ever
 * sends the buyer an entry's approved `answer` verbatim, or a decline.
 */

/** Why the bot declined; archived with the reply so script owners and legal can see it. */
export type DeclineReason =
  | 'no-match' // nothing in the script fits well enough: a gap for the next pack version
  | 'haggling' // discounts, price cuts, concessions
  | 'guarantee' // demands for promises or contract additions not in the script
  | 'competitor' // other developers or other projects
  | 'case-decision' // decisions about the buyer's own case (loans, qualification, exceptions)
  | 'personal-lookup' // other people's data, agents' personal details
  | 'prediction' // price forecasts, opinions, investment advice
  | 'abuse' // insults, threats
  | 'off-topic' // chit-chat, unrelated questions
  | 'injection' // attempts to override the bot's rules or read its instructions
  | 'uncertain' // an entry was found, but the learned gate judges the line one the script must not answer
  | 'empty'; // nothing meaningful after normalisation

export interface Candidate {
  entryId: string;
  score: number;
}

export interface MatchDecision {
  /** The approved entry to answer with, or null to decline. */
  entryId: string | null;
  /** Confidence of the chosen entry (0..1); for declines the best candidate's score, or 0. */
  score: number;
  /** The text after normalisation (Simplified, half width, vocabulary mapped). */
  normalized: string;
  /** Best rejected alternative, if any. */
  runnerUp: Candidate | null;
  /** Candidates after the runner-up, best first (a few at most; not archived). */
  further?: Candidate[];
  /** Set when entryId is null. */
  declineReason: DeclineReason | null;
  /** A second question in the same line, answered next or by a person. */
  secondary: { text: string; entryId: string | null } | null;
  /**
   * The learned clause judge's look at a line that split into clauses whose first finds another
   * entry than the whole line: one question (`joined`, answered from the whole line) or two.
   */
  split?: { oneQuestionLikelihood: number; joined: boolean };
  /**
   * The learned re-ranker's look at the best entry and the runner-up, or, when unsure of the
   * runner-up, a further candidate (absent without one to compare). After a swap, `runnerUp` is
   * the entry retrieval ranked best.
   */
  rerank?: { swapLikelihood: number; swapped: boolean };
  /** The learned gate's opinion and what it changed (absent when the matcher runs without it). */
  review?: GateReview;
}

/** The decline gate's part in a decision (`decline-gate.ts`), archived with it. */
export interface GateReview {
  /** Learned likelihood (0..1) that the line must be declined. */
  declineLikelihood: number;
  /** What the gate did to the rules' and retrieval's decision. */
  outcome: 'kept' | 'declined' | 'answered';
}

export interface Matcher {
  match(text: string): MatchDecision;
}
