// UI strings: one JSON (static/i18n.json) with "en" and "ar"; t(key, vars) looks up the current one.
let strings = { en: {}, ar: {} };
let lang = "en";

export async function loadStrings() {
  const res = await fetch("static/i18n.json");
  strings = await res.json();
  const saved = localStorage.getItem("rasd.lang");
  lang = saved === "ar" || saved === "en" ? saved : "en";
  return lang;
}

export function currentLang() { return lang; }

export function t(key, vars) {
  let s = strings[lang][key] ?? strings.en[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}

/** A translated value of a coded field (event type, country, span label) or the value itself. */
export function tv(prefix, value) {
  if (value == null) return "";
  const k = `${prefix}.${value}`;
  return strings[lang][k] ?? value;
}

export function fmt(n) {
  return new Intl.NumberFormat(lang === "ar" ? "ar-u-nu-latn" : "en").format(n ?? 0);
}

export function setLang(next) {
  lang = next;
  localStorage.setItem("rasd.lang", lang);
  applyStrings(document);
}

export function applyStrings(root) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = lang === "ar" ? "English" : "العربية";
  toggle.lang = lang === "ar" ? "en" : "ar";
}
