// The compliance officer's page (main thread): the form, the drop zone, the results and the downloads.
// All work happens in worker.js; every text comes from messages.json (rendered at build time from
// klachtregels' one message catalogue, Dutch first).
"use strict";

const SEVERITIES = ["error", "warning", "info"];
const state = { lang: "nl", messages: null, config: null, register: null, result: null, urls: [], started: 0, ready: false };
// The Web Worker, made once the service worker controls the page (see serviceWorker below); messages
// posted before then wait for it.
let madeWorker = null;
const workerMade = new Promise((resolve) => (madeWorker = resolve));
const post = (message) => workerMade.then((worker) => worker.postMessage(message));
const $ = (id) => document.getElementById(id);

function t(code, params) {
  const entry = state.messages[code];
  const template = entry ? entry[state.lang] : code;
  return template.replace(/\{(\w+)\}/g, (_, name) => (params && name in params ? String(params[name]) : "{" + name + "}"));
}

function textsIn(root) {
  for (const node of root.querySelectorAll("[data-msg]")) node.textContent = t(node.dataset.msg);
}

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.title = t("WEB_TITLE") + " · klachtregels";
  textsIn(document);
  if (state.result) showResult(state.result);
}

function setStatus(text, busy) {
  $("status").textContent = text;
  const bar = $("progress");
  if (busy) bar.removeAttribute("value");
  else bar.value = 1;
}

function showError(node, text) {
  node.textContent = text;
  node.hidden = !text;
}

async function readFile(input) {
  const file = input.files && input.files[0];
  return file ? { name: file.name, bytes: await file.arrayBuffer() } : null;
}

function chooseRegister(file) {
  state.register = file;
  $("chosen").textContent = file ? file.name : "";
  showError($("error"), "");
}

function where(finding) {
  if (finding.subject === "organisation") return t("WEB_WHERE_ORGANISATION");
  const parts = [];
  if (finding.row !== null) parts.push(t("WEB_WHERE_ROW", { row: finding.row }));
  if (finding.complaint_id) parts.push(finding.complaint_id);
  if (finding.column) parts.push(finding.column);
  return parts.join(" · ");
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function basis(finding) {
  const cited = (finding.citations || []).map((c) => [c.law, c.article, c.lid ? "lid " + c.lid : ""].join(" ").trim());
  return [...finding.rule_ids, ...finding.ambiguities, ...new Set(cited)].join(", ");
}

function group(severity, findings) {
  const section = document.createElement("section");
  const heading = document.createElement("h3");
  heading.className = severity;
  heading.textContent = t("SEVERITY_" + severity.toUpperCase()) + " (" + findings.length + ")";
  section.appendChild(heading);
  if (!findings.length) {
    const none = document.createElement("p");
    none.textContent = t("WEB_NO_FINDINGS");
    section.appendChild(none);
    return section;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const code of ["WEB_COL_WHERE", "WEB_COL_FINDING", "WEB_COL_BASIS"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = t(code);
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const finding of findings) {
    const row = body.insertRow();
    row.dataset.id = finding.id;
    cell(row, where(finding));
    cell(row, finding.message[state.lang]);
    cell(row, basis(finding));
  }
  section.appendChild(table);
  return section;
}

function download(id, text, type) {
  const link = $(id);
  link.hidden = text === undefined;
  if (text === undefined) return;
  const url = URL.createObjectURL(new Blob([text], { type: type }));
  state.urls.push(url);
  link.href = url;
}

function showResult(result) {
  for (const url of state.urls.splice(0)) URL.revokeObjectURL(url);
  showError($("error"), result.check ? "" : t("WEB_ERROR") + ": " + result.check_error.trim());
  $("results").hidden = !result.check;
  $("downloads").hidden = !result.check && !result.report_html;
  if (result.check) {
    const s = result.check.summary;
    $("summary-rows").textContent = t("WEB_SUMMARY_ROWS", { read: s.rows_read, checked: s.rows_checked, rejected: s.rows_rejected });
    $("summary-counts").textContent = t("WEB_SUMMARY_COUNTS", { errors: s.errors, warnings: s.warnings, infos: s.infos, passed: s.passed });
    const groups = $("groups");
    groups.replaceChildren(...SEVERITIES.map((sev) => group(sev, result.check.findings.filter((f) => f.severity === sev))));
  }
  download("download-csv", result.findings_csv, "text/csv;charset=utf-8");
  download("download-json", result.check_json, "application/json");
  download("download-report", result.report_html, "text/html;charset=utf-8");
  download("download-review", result.review_html, "text/html;charset=utf-8");
  const blocking = $("blocking");
  blocking.textContent = result.blocking === undefined ? "" : result.blocking ? t("WEB_BLOCKING", { count: result.blocking }) : t("WEB_PUBLISHABLE");
  blocking.className = result.blocking ? "blocking" : "";
  $("print-report").hidden = result.report_html === undefined;
  const reportFailed = result.report_html === undefined && result.check;
  showError($("report-error"), reportFailed ? t("WEB_REPORT_FAILED") + ": " + result.review.trim() : "");
  showComplaints(result.complaints || []);
  showMapping(result.columns);
}

// The obligations download: one complaint of the register (what `klachtregels obligations --format
// ics` writes for it), made by the worker from the last check's files.
function showComplaints(complaints) {
  const select = $("ics-complaint");
  const chosen = select.value;
  select.replaceChildren(...complaints.map((c) => new Option(t("WEB_ICS_ROW", { row: c.row, id: c.id || "-" }), String(c.row))));
  if (complaints.some((c) => String(c.row) === chosen)) select.value = chosen;
  $("ics").hidden = !complaints.length;
}

function showObligations(data) {
  const link = $("ics-download");
  if (data.result.error) {
    $("ics-status").textContent = t("WEB_ERROR") + ": " + data.result.error;
    link.hidden = true;
    return;
  }
  const url = URL.createObjectURL(new Blob([data.result.ics], { type: "text/calendar;charset=utf-8" }));
  state.urls.push(url);
  link.href = url;
  link.download = "verplichtingen-rij-" + data.row + ".ics";
  link.hidden = false;
  $("ics-status").textContent = "";
}

// Print to PDF: the report's own HTML in a frame of its own, printed from there (the browser's
// print dialog offers "Save as PDF"). The page's CSP allows the report's <style> by its hash.
function printReport() {
  if (!state.result || state.result.report_html === undefined) return;
  const old = $("print-frame");
  if (old) old.remove();
  const frame = document.createElement("iframe");
  frame.id = "print-frame";
  frame.title = t("WEB_PRINT_REPORT");
  frame.className = "print-frame";
  const url = URL.createObjectURL(new Blob([state.result.report_html], { type: "text/html;charset=utf-8" }));
  state.urls.push(url);
  frame.addEventListener("load", () => frame.contentWindow.print(), { once: true });
  frame.src = url;
  document.body.appendChild(frame);
}

// The column form: each header the library does not know, with a select of the documented columns
// the file lacks (the suggestion chosen); the worker writes and validates the mapping TOML.
function showMapping(columns) {
  const section = $("mapping-form");
  section.hidden = !columns || !columns.unknown.length;
  if (section.hidden) return;
  const fields = $("mapping-fields");
  const free = state.config.columns.filter((name) => !columns.present.includes(name));
  fields.replaceChildren();
  columns.unknown.forEach((header, index) => {
    const id = "mapping-" + index;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = header;
    const select = document.createElement("select");
    select.id = id;
    select.dataset.header = header;
    select.add(new Option(t("WEB_MAPPING_UNUSED"), ""));
    for (const name of free) select.add(new Option(name, name));
    const suggested = columns.suggested[header];
    if (suggested) select.value = suggested;
    const note = document.createElement("span");
    note.className = "hint";
    note.textContent = suggested ? " " + t("WEB_MAPPING_SUGGESTED", { column: suggested }) : "";
    fields.append(label, select, note);
  });
}

function mappingAnswers() {
  const answers = { columns: {}, ignore: [] };
  for (const select of $("mapping-fields").querySelectorAll("select")) {
    if (select.value) answers.columns[select.dataset.header] = select.value;
    else answers.ignore.push(select.dataset.header);
  }
  return answers;
}

function showMappingMade(result) {
  const status = $("mapping-status");
  if (result.error) {
    status.textContent = t("WEB_MAPPING_INVALID") + ": " + result.error;
    return;
  }
  const bytes = new TextEncoder().encode(result.toml);
  putFile($("mapping"), "mapping.toml", bytes);
  const link = $("mapping-download");
  link.href = URL.createObjectURL(new Blob([bytes], { type: "application/toml" }));
  link.hidden = false;
  status.textContent = t("WEB_MAPPING_MADE");
  $("form").requestSubmit();
}

async function submit(event) {
  event.preventDefault();
  if (!state.register) {
    showError($("error"), t("WEB_NO_REGISTER"));
    $("register").focus();
    return;
  }
  $("check").disabled = true;
  state.started = performance.now();
  const policyChoice = $("policy").value;
  post({
    id: Date.now(),
    register: state.register,
    organisation: await readFile($("organisation")),
    policyFile: await readFile($("policy-file")),
    mapping: await readFile($("mapping")),
    options: {
      as_of: $("as-of").value,
      year: Number($("year").value),
      lang: state.lang,
      policy: policyChoice || null,
      encoding: $("encoding").value || null,
      delimiter: $("delimiter").value || null,
    },
  });
  if (!state.ready) setStatus(t("WEB_PROGRESS_LOADING"), true);
}

function onWorkerMessage(event) {
  const data = event.data;
  if (data.type === "progress") setStatus(t(data.code, data.params), true);
  else if (data.type === "ready") {
    state.ready = true;
    window.klachtregelsReadyMs = data.ms;
    $("version").textContent = "klachtregels " + data.library;
    setStatus(t("WEB_PROGRESS_READY"), false);
    serviceWorkerComplete();
  } else if (data.type === "result") {
    state.result = data.result;
    window.klachtregelsRunMs = data.ms;
    showResult(data.result);
    setStatus(t("WEB_PROGRESS_DONE", { seconds: ((performance.now() - state.started) / 1000).toFixed(1) }), false);
    $("check").disabled = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
  } else if (data.type === "organisation") {
    showOrganisation(data.result);
  } else if (data.type === "mapping") {
    showMappingMade(data.result);
  } else if (data.type === "obligations") {
    showObligations(data);
  } else if (data.type === "failed") {
    showError($("error"), t("WEB_ERROR") + ": " + data.message);
    setStatus("", false);
    $("check").disabled = false;
  }
}

function setupDrop() {
  const zone = $("drop");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragover");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragover"));
  zone.addEventListener("drop", async (event) => {
    event.preventDefault();
    zone.classList.remove("dragover");
    const file = event.dataTransfer.files[0];
    if (file) chooseRegister({ name: file.name, bytes: await file.arrayBuffer() });
  });
}

function putFile(input, name, bytes) {
  const files = new DataTransfer();
  files.items.add(new File([bytes], name));
  input.files = files.files;
}

async function loadExample(config) {
  const fetchBytes = async (path) => (await fetch("example/" + path)).arrayBuffer();
  const [register, organisation, policy] = await Promise.all(
    ["register.csv", "organisation.toml", "policy.toml"].map(fetchBytes),
  );
  putFile($("organisation"), "organisation.toml", organisation);
  putFile($("policy-file"), "policy.toml", policy);
  $("as-of").value = config.example.as_of;
  $("year").value = String(config.example.year);
  chooseRegister({ name: "register.csv", bytes: register }); // last: the example is chosen whole
}

// The organisation form, built from manifest.organisation_form (read at build time from the
// organisation file's own classes); the worker writes and validates the TOML (bridge.py).
function orgControl(entry, id) {
  if (entry.kind === "bool" || entry.kind === "choice") {
    const select = document.createElement("select");
    const unknown = new Option("", "");
    unknown.dataset.msg = "WEB_ORG_UNKNOWN";
    select.add(unknown);
    if (entry.kind === "bool") {
      for (const [value, code] of [["true", "WEB_ORG_YES"], ["false", "WEB_ORG_NO"]]) {
        const option = new Option("", value);
        option.dataset.msg = code;
        select.add(option);
      }
    } else for (const choice of entry.choices) select.add(new Option(choice, choice));
    select.id = id;
    return select;
  }
  const long = entry.kind === "text" && entry.path.length > 1 && entry.path[0] !== "locations";
  const input = document.createElement(long ? "textarea" : "input");
  if (entry.kind === "int") Object.assign(input, { type: "number", min: "0", step: "1" });
  if (entry.kind === "date") input.type = "date";
  input.id = id;
  return input;
}

function orgLabel(entry, id) {
  const label = document.createElement("label");
  label.htmlFor = id;
  label.dataset.msg = entry.label;
  return label;
}

// A list of tables ([[locations]], [[annual_reports]]): an "Add" button adds one item's controls
// (ids org-<list>-<n>-<key>), each item with its own "Remove".
function orgTables(entry, parent) {
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.dataset.msg = entry.label;
  const items = document.createElement("div");
  items.id = "org-" + entry.path.join("-") + "-items";
  const add = document.createElement("button");
  add.type = "button";
  add.id = "org-" + entry.path.join("-") + "-add";
  add.dataset.msg = "WEB_ORG_ADD";
  let next = 0;
  add.addEventListener("click", () => {
    const item = document.createElement("fieldset");
    item.className = "org-item";
    const n = next++;
    for (const field of entry.fields) {
      const id = "org-" + entry.path.join("-") + "-" + n + "-" + field.path[field.path.length - 1];
      item.append(orgLabel(field, id), orgControl(field, id));
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.dataset.msg = "WEB_ORG_REMOVE";
    remove.addEventListener("click", () => item.remove());
    item.appendChild(remove);
    items.appendChild(item);
    textsIn(item);
    item.querySelector("input, select, textarea").focus();
  });
  fieldset.append(legend, items, add);
  parent.appendChild(fieldset);
}

function buildOrgForm(form) {
  const containers = { "": $("org-fields") };
  for (const entry of form) {
    const id = "org-" + entry.path.join("-");
    const parent = containers[entry.path.slice(0, -1).join(".")];
    if (entry.kind === "section") {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.dataset.msg = entry.label;
      fieldset.appendChild(legend);
      parent.appendChild(fieldset);
      containers[entry.path.join(".")] = fieldset;
    } else if (entry.kind === "tables") orgTables(entry, parent);
    else parent.append(orgLabel(entry, id), orgControl(entry, id));
  }
}

function orgValue(entry, raw) {
  if (entry.kind === "bool") return raw === "true";
  if (entry.kind === "int") return Number(raw);
  if (entry.kind === "list") return raw.split(",").map((item) => item.trim()).filter(Boolean);
  if (entry.kind === "date") return { $date: raw };
  return raw;
}

// One item of a list of tables: its answered fields by key (an empty item is left out).
function orgItem(entry, item) {
  const values = {};
  for (const field of entry.fields) {
    const key = field.path[field.path.length - 1];
    const control = item.querySelector("[id$='-" + key + "']");
    const raw = control ? control.value.trim() : "";
    if (raw !== "") values[key] = orgValue(field, raw);
  }
  return values;
}

function orgValues(form) {
  const values = {};
  for (const entry of form) {
    if (entry.kind === "section") continue;
    let answer;
    if (entry.kind === "tables") {
      const items = [...$("org-" + entry.path.join("-") + "-items").children].map((item) => orgItem(entry, item));
      answer = items.filter((item) => Object.keys(item).length);
      if (!answer.length) continue;
    } else {
      const raw = $("org-" + entry.path.join("-")).value.trim();
      if (raw === "") continue;
      answer = orgValue(entry, raw);
    }
    let table = values;
    for (const key of entry.path.slice(0, -1)) table = table[key] = table[key] || {};
    table[entry.path[entry.path.length - 1]] = answer;
  }
  return values;
}

function showOrganisation(result) {
  const status = $("org-status");
  if (result.error) {
    status.textContent = t("WEB_ORG_INVALID") + ": " + result.error;
    return;
  }
  const bytes = new TextEncoder().encode(result.toml);
  putFile($("organisation"), "organisation.toml", bytes);
  const link = $("org-download");
  link.href = URL.createObjectURL(new Blob([bytes], { type: "application/toml" }));
  link.hidden = false;
  status.textContent = t("WEB_ORG_MADE");
}

// Offline use: the service worker (sw.js) keeps the site in the browser's cache. The page waits until
// it controls the page before starting the Web Worker, so the worker's downloads are kept as they
// happen (not fetched twice). Without service workers (an old browser, a private window) the page
// still works, online.
const SERVICE_WORKER_WAIT_MS = 1500;

async function serviceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const controlled = (async () => {
    await navigator.serviceWorker.register("sw.js");
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  })();
  // A browser that refuses service workers may never settle: start without one after a moment.
  const moment = new Promise((resolve) => setTimeout(resolve, SERVICE_WORKER_WAIT_MS));
  try {
    await Promise.race([controlled, moment]);
  } catch (error) {
    console.warn("no offline use:", error);
  }
}

function serviceWorkerComplete() {
  const controller = navigator.serviceWorker && navigator.serviceWorker.controller;
  if (!controller) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.type === "offline-ready") {
      document.body.dataset.offline = "ready";
      $("offline").textContent = t("WEB_OFFLINE_READY");
    }
  });
  controller.postMessage({ type: "complete" });
}

// Opened from a folder (file://), browsers start no Web Worker and fetch nothing: say so, plainly,
// in both languages (messages.json cannot be read there either).
const FILE_URL_TEXT = "@FILE_URL_TEXT@";

async function start() {
  if (location.protocol === "file:") {
    showError($("error"), FILE_URL_TEXT);
    $("check").disabled = true;
    document.body.dataset.fileUrl = "1";
    return;
  }
  const config = await (await fetch("manifest.json")).json();
  state.config = config;
  state.messages = await (await fetch("messages.json")).json();
  const policy = $("policy");
  // The statutory regulation first and chosen: a provider's own regulation is a deliberate choice.
  policy.add(new Option("statutory", "", true, true));
  for (const name of config.policies) if (name !== "statutory") policy.add(new Option(name, name));
  const today = new Date();
  $("as-of").value = today.toISOString().slice(0, 10);
  $("year").value = String(today.getFullYear() - 1);
  $("lang").addEventListener("change", () => {
    state.lang = $("lang").value;
    applyTexts();
  });
  $("register").addEventListener("change", async () => chooseRegister(await readFile($("register"))));
  $("example").addEventListener("click", () => loadExample(config));
  $("form").addEventListener("submit", submit);
  buildOrgForm(config.organisation_form);
  $("org-make").addEventListener("click", () => {
    $("org-status").textContent = state.ready ? "" : t("WEB_PROGRESS_LOADING");
    post({ type: "organisation", values: orgValues(config.organisation_form) });
  });
  $("mapping-apply").addEventListener("click", () => post({ type: "mapping", answers: mappingAnswers() }));
  $("print-report").addEventListener("click", printReport);
  $("ics-make").addEventListener("click", () => {
    $("ics-status").textContent = "";
    post({ type: "obligations", row: Number($("ics-complaint").value) });
  });
  setupDrop();
  applyTexts();
  setStatus(t("WEB_PROGRESS_LOADING"), true);
  await serviceWorker();
  const worker = new Worker("worker.js");
  worker.onmessage = onWorkerMessage;
  madeWorker(worker);
}

start().catch((error) => {
  const what = state.messages ? t("WEB_START_FAILED") : "klachtregels";
  showError($("error"), what + ": " + String(error && error.message ? error.message : error));
});
