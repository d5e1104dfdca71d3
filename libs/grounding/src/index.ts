export { extractClaims, parseNumber } from './claim-extractor.js';
export { GroundedValues, type EvidenceInput, type GroundedMoment, type GroundedNumber, type ToolEvidence } from './grounded-values.js';
export { checkGrounding, correctedText } from './grounding.guard.js';
export { rewriteRequest } from './rewrite-request.js';
export {
  CLAIM_KINDS,
  type ClaimKind,
  type DateParts,
  type DateShape,
  type GroundingReport,
  type NumberClaim,
  type UngroundedNumber,
} from './grounding.types.js';
