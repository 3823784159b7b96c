import { distance } from "fastest-levenshtein";

const PLAIN = /^[a-z0-9]*( [a-z0-9]+)*$/;

/** Lower case, accents and punctuation gone, words separated by one space. */
export function foldName(s: string): string {
  const lower = s.toLowerCase();
  // Most names are plain already; Unicode normalisation is the costly part of folding.
  if (PLAIN.test(lower)) return lower;
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words that say what kind of company it is, not which: "Acme Inc", "ACME", "Acme, Ltd." are one company. */
const LEGAL_FORMS = new Set(
  (
    "inc incorporated corp corporation co company llc llp lp ltd limited plc gmbh ag kg sa sas sarl srl spa bv nv " +
    "oy ab as asa pty pte kk the"
  ).split(" "),
);

/** The words of a (folded) company name that identify it; "" when nothing is left. */
export function companyCore(folded: string): string {
  return folded
    .split(" ")
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(" ");
}

/**
 * Common English short forms, each row one given name and the names it is shortened to. Two names are the same
 * person's when one is a short form of the other or both shorten the same name (Bill and Will for William).
 */
const SHORT_FORMS: readonly string[] = [
  "abigail abby abbie",
  "albert al bert",
  "alexander alex xander sasha sandy",
  "alexandra alex lexi sasha sandra",
  "alfred al alf fred",
  "andrew andy drew",
  "anthony tony",
  "benjamin ben benny",
  "catherine cathy kate katie kat",
  "charles charlie chuck chas",
  "christine chris tina",
  "christina chris tina",
  "christopher chris kit",
  "daniel dan danny",
  "david dave davy",
  "deborah deb debbie",
  "donald don donnie",
  "dorothy dot dottie",
  "douglas doug",
  "edward ed eddie ted ned",
  "elizabeth liz lizzie beth betty eliza lisa libby",
  "eugene gene",
  "frances fran frankie",
  "francis frank fran",
  "frederick fred freddie",
  "gerald gerry jerry",
  "gregory greg",
  "harold harry hal",
  "henry hank harry",
  "jacob jake",
  "james jim jimmy jamie",
  "jennifer jen jenny",
  "jessica jess jessie",
  "john jack johnny jon",
  "jonathan jon jonny nathan",
  "joseph joe joey",
  "joshua josh",
  "katherine kathy kate katie kat",
  "kathryn kathy kate katie kat",
  "kenneth ken kenny",
  "lawrence larry",
  "leonard leo len lenny",
  "margaret maggie meg peggy marge",
  "matthew matt",
  "michael mike mick mickey",
  "nathaniel nate nat nathan",
  "nicholas nick nicky",
  "patricia pat patty trish",
  "patrick pat paddy",
  "peter pete",
  "philip phil",
  "phillip phil",
  "raymond ray",
  "rebecca becky becca",
  "richard rich rick ricky richie dick",
  "robert rob bob bobby robbie bert",
  "ronald ron ronnie",
  "samantha sam sammy",
  "samuel sam sammy",
  "stephen steve steven",
  "steven steve stephen",
  "susan sue suzy",
  "theodore ted teddy theo",
  "thomas tom tommy",
  "timothy tim timmy",
  "victoria vicky tori",
  "walter walt",
  "william will bill billy willy liam",
  "zachary zach zack",
];

/** name → the rows (given names) it belongs to. */
const FAMILIES = new Map<string, Set<number>>();
SHORT_FORMS.forEach((row, i) => {
  for (const name of row.split(" ")) FAMILIES.set(name, (FAMILIES.get(name) ?? new Set()).add(i));
});

function shareFamily(a: string, b: string): boolean {
  const fa = FAMILIES.get(a);
  const fb = FAMILIES.get(b);
  return fa !== undefined && fb !== undefined && [...fa].some((i) => fb.has(i));
}

/**
 * Whether two folded given names can be the same person's: equal, an initial ("J" and "Jonathan"), a known short
 * form ("Bill", "William"), the start of the other of at least three letters ("Jon", "Jonathan"), or one typo
 * apart (two in long names: "Jonathon", "Jonathan").
 */
export function similarGivenNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1) return long.startsWith(short);
  if (shareFamily(a, b)) return true;
  if (short.length >= 3 && long.startsWith(short)) return true;
  if (short.length >= 5) return distance(a, b) <= (short.length >= 8 ? 2 : 1);
  return false;
}

/** A (folded) display name as (given name, family name): the first and last words. */
export function nameParts(folded: string): { given: string; family: string } | null {
  const words = folded.split(" ").filter(Boolean);
  if (words.length < 2) return null;
  return { given: words[0] ?? "", family: words[words.length - 1] ?? "" };
}
