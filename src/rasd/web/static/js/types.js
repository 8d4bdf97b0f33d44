// Colours and CSS class names of the ACLED event types (markers, legend, list, panel).
export const TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
];

export function typeClass(type) {
  const i = TYPES.indexOf(type);
  return i >= 0 ? `t${i}` : "tx";
}

/** Marker size bucket (0–4) from fatalities. */
export function sizeBucket(fatalities) {
  const f = fatalities || 0;
  if (f === 0) return 0;
  if (f < 5) return 1;
  if (f < 20) return 2;
  if (f < 100) return 3;
  return 4;
}
export const BUCKET_PX = [12, 16, 21, 27, 34];
