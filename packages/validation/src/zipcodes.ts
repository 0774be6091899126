import type { UsState } from './states.ts';

/**
 * Which state a ZIP code is in, by its first three digits: the ranges of USPS's 3-digit ZIP Code
 * prefix matrix (Domestic Mail Manual, exhibit L002), kept as data and read offline. `null` marks
 * prefixes that name no state of Checkr's list, so a ZIP there says nothing about the state of
 * residence: the military APO/FPO prefixes (AE 090-099, AA 340, AP 962-966, where a service member
 * keeps the legal residence of a state) and the territories outside the list (US Virgin Islands
 * 008; Guam, the Northern Marianas, Palau, Micronesia and the Marshall Islands 969). Prefixes USPS
 * has not assigned are absent: unknown, never a mismatch.
 */
const PREFIX_RANGES: readonly (readonly [first: number, last: number, state: UsState | null])[] = [
  [5, 5, 'NY'], // Holtsville (IRS)
  [6, 7, 'PR'],
  [8, 8, null], // US Virgin Islands
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 54, 'VT'],
  [55, 55, 'MA'], // Andover (IRS)
  [56, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [90, 99, null], // APO/FPO AE
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 200, 'DC'],
  [201, 201, 'VA'],
  [202, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 339, 'FL'],
  [340, 340, null], // APO/FPO AA
  [341, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [569, 569, 'DC'],
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 731, 'OK'],
  [733, 733, 'TX'], // Austin (IRS)
  [734, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [885, 885, 'TX'], // El Paso
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [962, 966, null], // APO/FPO AP
  [967, 968, 'HI'],
  [969, 969, null], // Guam and the Pacific territories
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

/**
 * Five-digit ZIP codes whose delivery area crosses a state line (or, for 96799 American Samoa,
 * sits in another state's prefix): a candidate there may live in any of the states listed. Known
 * cases from the Census Bureau's ZCTA-to-state relationship file; a prefix's state is otherwise
 * taken as the whole truth, so a missing case refuses a real border resident. That is why the
 * list errs on the side of more entries, and why the refusal tells the candidate which state the
 * ZIP code was read as.
 */
const CROSS_STATE_ZIPCODES: Readonly<Record<string, readonly UsState[] | null>> = {
  '20135': ['VA', 'WV'],
  '24604': ['VA', 'WV'],
  '31905': ['GA', 'AL'],
  '42223': ['KY', 'TN'],
  '56027': ['MN', 'IA'],
  '57030': ['SD', 'MN'],
  '57068': ['SD', 'MN'],
  '57638': ['SD', 'ND'],
  '59221': ['MT', 'ND'],
  '59275': ['MT', 'ND'],
  '63673': ['MO', 'IL'],
  '71749': ['AR', 'LA'],
  '73949': ['OK', 'TX'],
  '81137': ['CO', 'NM'],
  '82063': ['WY', 'CO'],
  '82082': ['WY', 'NE'],
  '83120': ['WY', 'ID'],
  '84034': ['UT', 'NV'],
  '84531': ['UT', 'AZ'],
  '84536': ['UT', 'AZ'],
  '86044': ['AZ', 'UT'],
  '86514': ['AZ', 'NM', 'UT'],
  '86515': ['AZ', 'NM'],
  '87328': ['NM', 'AZ'],
  '88063': ['NM', 'TX'],
  '89010': ['NV', 'CA'],
  '89019': ['NV', 'CA'],
  '89060': ['NV', 'CA'],
  '89061': ['NV', 'CA'],
  '89439': ['NV', 'CA'],
  '96799': null, // American Samoa
  '97635': ['OR', 'CA'],
  '99128': ['WA', 'ID'],
  '99362': ['WA', 'OR'],
};

/**
 * The states a 5-digit ZIP code may be in: usually one, two or three on a border; `null` when the
 * ZIP code names no state of the list (military, territories) or its prefix is unassigned.
 */
export function zipcodeStates(zipcode: string): readonly UsState[] | null {
  if (!/^\d{5}$/.test(zipcode)) return null;
  if (zipcode in CROSS_STATE_ZIPCODES) return CROSS_STATE_ZIPCODES[zipcode]!;
  const prefix = Number(zipcode.slice(0, 3));
  const range = PREFIX_RANGES.find(([first, last]) => prefix >= first && prefix <= last);
  return range?.[2] ? [range[2]] : null;
}
