package io.metabound.reports.report;

import io.metabound.reports.notebook.NotebookHtml;

/**
 * The page around the report's HTML: inline CSS and a small inline script that sorts tables whose
 * class is {@code sortable} (click a column head; numbers sort by their {@code data-sort} value).
 * Nothing is fetched from the network: no CDN, fonts or scripts.
 */
final class HtmlPage {

  private HtmlPage() {}

  static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:72rem;margin:1.5rem"
          + " auto;padding:0 1rem;color:#1d1d1f;line-height:1.45}"
          + "h1{margin-bottom:.2rem}h2{border-bottom:2px solid #dde;padding-bottom:.2rem;margin-top:2.5rem}"
          + "h3{margin-top:1.8rem}h4{margin:1rem 0 .3rem}"
          + "table{border-collapse:collapse;margin:.5rem 0;font-size:.88rem}"
          + "th,td{border:1px solid #d0d4dc;padding:.25rem .45rem;vertical-align:top;text-align:left}"
          + "th{background:#f1f3f7}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
          + "table.sortable th{cursor:pointer;user-select:none}"
          + "table.sortable th[data-dir=asc]::after{content:' \\25B2'}"
          + "table.sortable th[data-dir=desc]::after{content:' \\25BC'}"
          + "img{max-width:100%;height:auto;border:1px solid #e3e5ea}"
          + "figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}"
          + ".verdict{font-weight:600;padding:0 .35rem;border-radius:3px;white-space:nowrap}"
          + ".HOLDS,.WITNESSED,.agrees{background:#dff3e3;color:#1c6b2c}"
          + ".VIOLATED,.NOT_FOUND,.disagrees{background:#fbe0dc;color:#a32112}"
          + ".ERROR{background:#3a3a3a;color:#fff}"
          + ".INCONCLUSIVE,.inconclusive,.partly-agrees{background:#fff1cc;color:#7a5600}"
          + ".OUT_OF_SCOPE{background:#eceef2;color:#555}"
          + ".prov{font-size:.8rem;font-weight:600;padding:0 .3rem;border-radius:3px;white-space:nowrap}"
          + ".prov.verbatim{background:#e6f0fb;color:#1d4f8c}"
          + ".prov.reconstructed{background:#b3261e;color:#fff}"
          + ".bound{border:1px solid #dde;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}"
          + ".bound .statement{margin:.4rem 0;overflow-x:auto}"
          + ".bound .statement img{border:none;max-width:none}"
          + ".meta{color:#555;font-size:.88rem}code{font-size:.85rem}"
          + "nav ul{columns:2;font-size:.92rem}"
          + ".header td:first-child{font-weight:600;white-space:nowrap}"
          + "details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}"
          + ".wide{overflow-x:auto;max-width:100%}"
          // the per-paper verdict tables fit the page: fixed columns, wrapping text, scaled statements
          + "table.verdicts{table-layout:fixed;width:100%;font-size:.8rem}"
          + "table.verdicts td{overflow-wrap:anywhere}table.verdicts .verdict{white-space:normal}"
          + "table.verdicts td.num .meta{white-space:normal}"
          + "img.statement{max-width:100%;height:auto;border:none}";

  static final String SCRIPT =
      "document.querySelectorAll('table.sortable').forEach(function(t){"
          + "var heads=t.tHead.rows[0].cells;"
          + "Array.prototype.forEach.call(heads,function(th,i){th.addEventListener('click',function(){"
          + "var asc=th.dataset.dir!=='asc';"
          + "Array.prototype.forEach.call(heads,function(h){delete h.dataset.dir;});"
          + "th.dataset.dir=asc?'asc':'desc';"
          + "var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);"
          + "function key(r){var c=r.cells[i];return c.dataset.sort!==undefined?c.dataset.sort:c.textContent;}"
          + "function num(s){if(s==='')return -Infinity;var n=Number(s);return isNaN(n)?null:n;}"
          + "rows.sort(function(a,b){var x=key(a),y=key(b),nx=num(x),ny=num(y);"
          + "var c=(nx!==null&&ny!==null)?(nx<ny?-1:nx>ny?1:0):x.localeCompare(y);return asc?c:-c;});"
          + "rows.forEach(function(r){body.appendChild(r);});});});});";

  /** A whole page. */
  static String wrap(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + escape(title)
        + "</title>\n<style>"
        + STYLE
        + "</style></head>\n<body>\n"
        + body
        + "\n<script>"
        + SCRIPT
        + "</script>\n</body></html>\n";
  }

  static String escape(String s) {
    return NotebookHtml.escape(s == null ? "" : s);
  }
}
