import { clauses, paragraphs, type Span, sentences } from "./segment.js";
import type { Lang, ReadDirective } from "./types.js";

/** Words that mark a deployment in English reports, official or machine-translated. */
const EN_MARKER =
  /\b(it is (?:necessary|required|essential|imperative|important) to|we (?:must|should|need to|have to)|must|should|need(?:s)? to|(?:is|are) required to|strive to)\b/i;

/** Verbs an imperative deployment starts with ("Focus on…", "Further activate…", "To strengthen…"). */
const EN_IMPERATIVE = new Set(
  "accelerate activate actively adhere attach boost build carry comprehensively conscientiously consolidate continue continuously create cultivate deepen do earnestly effectively enhance ensure establish expand explore firmly focus fully further give go grasp guide implement improve increase insist integrate keep make optimize organize pay persist plan practically promote push resolutely seize serve solidly speed stabilize steadily strengthen strictly strive study support take unswervingly vigorously work".split(
    " ",
  ),
);

/** Lead-ins that are not the directive itself. */
const EN_LEAD =
  /^(?:the (?:meeting|conference|session)|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:also |further |then )?(?:emphasized|stressed|pointed out|required|demanded|noted|urged|requested|called for)(?: that)?[,:]?\s+/i;
const EN_ORDINAL =
  /^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|in addition|at the same time|meanwhile)\s*[,，]\s*/i;
const EN_FRAME = /^(?:according to|in accordance with|based on|around|in line with|in view of)[^,，]{0,120}[,，]\s*/i;

const ZH_MARKER = /要|必须|务必|需要|应当|应该|须|切实|着力|全力|坚决|确保/;
const ZH_IMPERATIVE =
  /^(?:加快|推进|推动|强化|深化|抓好|抓实|抓紧|坚持|持续|全力|着力|积极|切实|扎实|进一步|聚焦|围绕|做好|落实|加强|提升|确保|优化|完善|扩大|健全|压实|统筹|紧盯|狠抓|大力|全面|深入|不断|努力|主动|牢牢|认真|严格|精准|稳步|稳住|守牢|筑牢|打好|打造|培育|激发|提高)/;
const ZH_LEAD = /^(?:会议(?:还)?(?:强调|指出|要求|提出|认为|明确)|[\u4e00-\u9fa5]{2,4}(?:强调|指出|要求))[，,：:]?/;
const ZH_ORDINAL =
  /^(?:一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))\s*/;

/** Quoted names ("the epidemic must be prevented") do not make a sentence a deployment. */
const withoutQuotes = (s: string) => s.replace(/“[^”]*”|"[^"]*"|「[^」]*」|‘[^’]*’/g, "“”");

function firstWord(s: string): string {
  return (s.match(/^[A-Za-z]+/)?.[0] ?? "").toLowerCase();
}

function enBody(s: string): string {
  return s.replace(EN_LEAD, "").replace(EN_ORDINAL, "").replace(EN_FRAME, "");
}

function enImperative(s: string): boolean {
  const body = enBody(s);
  const w = firstWord(body);
  if (w === "to") return EN_IMPERATIVE.has(firstWord(body.slice(3)));
  return EN_IMPERATIVE.has(w);
}

function isEnDirective(s: string, inDeployment: boolean): boolean {
  if (s.length < 12) return false;
  const plain = withoutQuotes(s);
  // Accounts of the past are not deployments ("…has achieved", "since the beginning of the year").
  if (
    /^(?:the meeting )?(?:pointed out|noted)? ?that since\b|\bhas (?:achieved|shown|continued)\b/i.test(plain) &&
    !EN_MARKER.test(plain)
  )
    return false;
  if (EN_MARKER.test(plain)) return true;
  return inDeployment && enImperative(s);
}

function isZhDirective(s: string, inDeployment: boolean): boolean {
  if (s.length < 6) return false;
  const plain = withoutQuotes(s);
  const body = plain.replace(ZH_LEAD, "").replace(ZH_ORDINAL, "");
  if (/^要|^必须|^务必/.test(body) || /[，,](?:要|必须|务必)/.test(plain) || /(?:强调|指出|要求)[，,：:]?(?:要|必须)/.test(plain))
    return true;
  if (ZH_MARKER.test(body.slice(0, 12))) return true;
  return inDeployment && ZH_IMPERATIVE.test(body);
}

/** Whether a `;` piece starts a deployment of its own, rather than continuing a list inside one. */
function startsOwnClause(text: string, lang: Lang): boolean {
  if (lang === "zh") {
    const body = text.replace(ZH_ORDINAL, "");
    return ZH_IMPERATIVE.test(body) || /^(?:要|必须|务必)/.test(body);
  }
  return enImperative(text) || EN_MARKER.test(withoutQuotes(text).slice(0, 40));
}

/** The directive's own words: the lead-in ("The meeting emphasized that") and the closing stop left out. */
function trimDirective(span: Span, lang: Lang): ReadDirective {
  const lead = lang === "zh" ? span.text.match(ZH_LEAD) : span.text.match(EN_LEAD);
  let cut = lead ? lead[0].length : 0;
  if (lang === "zh") {
    // "……指明了方向，必须深刻领会": an assessment before the marker is not part of the deployment.
    const rest = span.text.slice(cut);
    if (
      !ZH_ORDINAL.test(rest) &&
      !ZH_IMPERATIVE.test(rest) &&
      !/^(?:要|必须|务必)/.test(rest) &&
      !/^[^，,]{0,12}(?:要|必须|务必)/.test(rest)
    ) {
      const marker = rest.search(/[，,](?:要|必须|务必)/);
      if (marker >= 0) cut += marker + 1;
    }
  }
  let text = span.text.slice(cut).replace(/[;；,，。.\s]+$/, "");
  if (lang === "en" && cut) text = text.charAt(0).toUpperCase() + text.slice(1);
  return { text, start: span.start + cut, end: span.start + cut + text.length };
}

/**
 * Each deployment of the report: sentences with a marker ("It is necessary to", "We must", 要),
 * and imperative sentences inside a paragraph that deploys; a sentence joining several
 * deployments with ";" gives one directive per clause.
 */
export function findDirectives(text: string, lang: Lang): ReadDirective[] {
  const out: ReadDirective[] = [];
  const isDirective = lang === "zh" ? isZhDirective : isEnDirective;
  let previousParagraphDeployed = false;
  for (const p of paragraphs(text)) {
    // A paragraph deploys when the meeting "emphasized/required" in it, or when it continues a numbered list.
    let inDeployment =
      previousParagraphDeployed &&
      (lang === "zh" ? ZH_ORDINAL.test(p.text) || ZH_IMPERATIVE.test(p.text) : EN_ORDINAL.test(p.text) || enImperative(p.text));
    if (
      lang === "en"
        ? /^(?:the (?:meeting|conference)|[A-Z][a-z]+ [A-Z][a-z]+) (?:also )?(?:emphasized|stressed|required|pointed out)/i.test(
            p.text,
          )
        : ZH_LEAD.test(p.text)
    ) {
      // "The meeting pointed out that since the beginning of this year…" looks back, not ahead.
      inDeployment = !/^[^.。]{0,60}\b(?:since|over the past|in the past)\b|^[^.。]{0,40}以来/i.test(p.text);
    }
    let deployed = false;
    for (const s of sentences(p)) {
      const pieces = clauses(s);
      const merged: Span[] = [];
      for (const piece of pieces) {
        const prev = merged[merged.length - 1];
        if (prev && !startsOwnClause(piece.text, lang)) {
          prev.text = text.slice(prev.start, piece.end);
          prev.end = piece.end;
        } else merged.push({ ...piece });
      }
      for (const c of merged) {
        if (isDirective(c.text, inDeployment || deployed)) {
          out.push(trimDirective(c, lang));
          deployed = true;
          inDeployment = true;
        }
      }
    }
    previousParagraphDeployed = deployed;
  }
  return out;
}
