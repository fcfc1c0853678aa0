/// The HTML report's stylesheet and script, written for it: no framework, nothing fetched. The
/// script reads the fleet's data from the page and draws the matrix and the cluster view; every
/// text it shows is set as `textContent` or an attribute, never parsed as markup.
enum HTMLAssets {
    static let style = """
        :root { color-scheme: light; --critical: #6a1b9a; --high: #c62828; --medium: #e65100; --low: #9e7c00; --info: #546e7a; --pass: #2e7d32; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #fff; }
        header { padding: 16px 24px; background: #0b3d91; color: #fff; }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        .verdict { margin: 0; font-size: 15px; }
        main { padding: 8px 24px 32px; }
        h2 { font-size: 18px; margin: 24px 0 8px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        .warning { background: #fff4e5; border: 1px solid #e65100; padding: 8px 12px; }
        .charts { display: flex; flex-wrap: wrap; gap: 24px; }
        .chart { margin: 0; }
        .chart figcaption { font-weight: 600; margin-bottom: 4px; }
        .chart text { font-size: 12px; fill: #1f2328; }
        .chart rect.bar { fill: #0b3d91; }
        rect.sev-critical { fill: var(--critical); } rect.sev-high { fill: var(--high); } rect.sev-medium { fill: var(--medium); }
        rect.sev-low { fill: var(--low); } rect.sev-info { fill: var(--info); }
        table.exposed { border-collapse: collapse; }
        table.exposed th, table.exposed td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 8px; }
        .facts dt { font-weight: 600; } .facts dd { margin: 0; }
        .problems .problem-error { color: var(--high); }
        .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 8px; }
        .filters label { display: flex; flex-direction: column; font-size: 12px; font-weight: 600; }
        .filters input, .filters select { font: inherit; padding: 3px 6px; min-width: 150px; }
        .shown { margin: 4px 0; color: #57606a; }
        .matrix-frame { overflow: auto; max-height: 75vh; border: 1px solid var(--line); }
        table.matrix { border-collapse: collapse; font-size: 12px; }
        table.matrix caption { text-align: left; padding: 6px 8px; color: #57606a; caption-side: top; }
        table.matrix th, table.matrix td { border: 1px solid var(--line); }
        table.matrix thead th { position: sticky; background: #f6f8fa; z-index: 1; }
        table.matrix thead tr:first-child th { top: 0; height: 24px; }
        table.matrix thead tr:nth-child(2) th { top: 24px; }
        table.matrix th.rule { writing-mode: vertical-rl; transform: rotate(180deg); padding: 6px 2px; font-weight: 500; white-space: nowrap; }
        table.matrix th.group { font-weight: 600; text-align: left; padding: 2px 6px; white-space: nowrap; }
        table.matrix tbody th { position: sticky; left: 0; background: #fff; text-align: left; white-space: nowrap; padding: 0; z-index: 0; }
        table.matrix tbody th button { font: inherit; border: 0; background: none; padding: 3px 8px; cursor: pointer; color: #0b3d91; text-decoration: underline; text-align: left; }
        table.matrix td { width: 22px; min-width: 22px; height: 22px; text-align: center; cursor: pointer; }
        table.matrix td:focus, table.matrix th button:focus { outline: 3px solid #0969da; outline-offset: -3px; }
        td.F { color: #fff; font-weight: 700; } td.F.sev-critical { background: var(--critical); } td.F.sev-high { background: var(--high); }
        td.F.sev-medium { background: var(--medium); } td.F.sev-low { background: var(--low); } td.F.sev-info { background: var(--info); }
        td.I { background: #fff3b0; } td.P { background: #e6f4ea; color: var(--pass); } td.N { color: #8c959f; } td.S, td.B { background: #eaeef2; color: #57606a; }
        #cluster { border-top: 2px solid #0b3d91; margin-top: 24px; }
        .finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 4px; padding: 8px 12px; margin: 8px 0; }
        .finding.sev-critical { border-left-color: var(--critical); } .finding.sev-high { border-left-color: var(--high); }
        .finding.sev-medium { border-left-color: var(--medium); } .finding.sev-low { border-left-color: var(--low); }
        .finding h4 { margin: 0 0 4px; font-size: 14px; }
        .finding p { margin: 4px 0; }
        .where { color: #57606a; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
        .fix { display: flex; gap: 8px; align-items: flex-start; }
        .fix pre, .change pre { margin: 4px 0; padding: 6px 8px; background: #f6f8fa; border-radius: 4px; white-space: pre-wrap; word-break: break-all; font-size: 12px; flex: 1; }
        button.copy { font: inherit; font-size: 12px; margin-top: 4px; }
        .back { margin-top: 12px; }
        @media print {
          header { background: none; color: #000; border-bottom: 2px solid #000; }
          .filters, #more, button.copy, .back, .matrix-frame { max-height: none; overflow: visible; }
          .filters, #more, button.copy, .back { display: none; }
          table.matrix thead th, table.matrix tbody th { position: static; }
          td.F, td.I, td.P, td.S, td.B { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .finding { break-inside: avoid; }
        }
        """

    static let script = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("akslint-data").textContent);
          var rules = data.rules, clusters = data.clusters, strings = data.strings;
          var severities = ["critical", "high", "medium", "low", "info"];
          var symbols = { F: "\\u2717", I: "?", P: "\\u2713", N: "\\u2013", S: "S", B: "B", "-": "" };
          var words = { F: "failed", I: "indeterminate", P: "passed", N: "not applicable", S: "suppressed", B: "baselined", "-": "not evaluated" };
          var page = 200;
          var view = { search: "", sort: "name", severity: "", category: "", framework: "", state: "", shown: page };
          function rank(severity) { return severities.indexOf(severity); }
          function byId(id) { return document.getElementById(id); }
          function make(tag, text, className) {
            var node = document.createElement(tag);
            if (text !== undefined && text !== null) node.textContent = text;
            if (className) node.className = className;
            return node;
          }
          clusters.forEach(function (cluster, index) {
            cluster.index = index;
            cluster.failed = 0;
            cluster.worst = severities.length;
            for (var r = 0; r < rules.length; r++) {
              if (cluster.s.charAt(r) === "F") { cluster.failed++; cluster.worst = Math.min(cluster.worst, rank(rules[r].severity)); }
            }
            cluster.text = [cluster.n, cluster.g || "", cluster.f, cluster.id || ""].join(" ").toLowerCase();
          });
          function visibleRules() {
            var shown = [];
            rules.forEach(function (rule, index) {
              if (view.severity && rank(rule.severity) > rank(view.severity)) return;
              if (view.category && rule.category !== view.category) return;
              if (view.framework && !rule.controls.some(function (control) { return control.indexOf(view.framework + "-") === 0; })) return;
              shown.push(index);
            });
            return shown;
          }
          function matchesState(cluster, columns) {
            if (!view.state) return true;
            var cells = columns.map(function (r) { return cluster.s.charAt(r); });
            if (view.state === "P") return cells.every(function (c) { return c === "P" || c === "N" || c === "-"; });
            if (view.state === "S") return cells.some(function (c) { return c === "S" || c === "B"; });
            return cells.indexOf(view.state) >= 0;
          }
          function visibleClusters(columns) {
            var query = view.search.trim().toLowerCase();
            var shown = clusters.filter(function (cluster) {
              return (!query || cluster.text.indexOf(query) >= 0) && matchesState(cluster, columns);
            });
            var byName = function (a, b) { return a.n < b.n ? -1 : a.n > b.n ? 1 : a.index - b.index; };
            if (view.sort === "failed") shown.sort(function (a, b) { return b.failed - a.failed || byName(a, b); });
            else if (view.sort === "worst") shown.sort(function (a, b) { return a.worst - b.worst || b.failed - a.failed || byName(a, b); });
            else shown.sort(byName);
            return shown;
          }
          function cellLabel(rule, state) {
            return rule.id + " " + rule.name + ": " + words[state] + (state === "F" ? " (" + rule.severity + ")" : "");
          }
          function render() {
            var columns = visibleRules();
            var rows = visibleClusters(columns);
            var table = byId("matrix");
            var head = table.tHead;
            head.textContent = "";
            var groups = head.insertRow(), ids = head.insertRow();
            var corner = make("th", "Cluster");
            corner.rowSpan = 2;
            corner.scope = "col";
            groups.appendChild(corner);
            var last = null, group = null;
            columns.forEach(function (r) {
              var rule = rules[r];
              if (rule.category !== last) {
                group = make("th", rule.categoryTitle, "group");
                group.scope = "colgroup";
                group.colSpan = 0;
                groups.appendChild(group);
                last = rule.category;
              }
              group.colSpan += 1;
              var header = make("th", rule.id, "rule");
              header.scope = "col";
              header.title = rule.id + " " + rule.name + " (" + rule.severity + "): " + rule.title;
              ids.appendChild(header);
            });
            var body = table.tBodies[0];
            body.textContent = "";
            rows.slice(0, view.shown).forEach(function (cluster) {
              var row = body.insertRow();
              row.setAttribute("data-cluster", cluster.n);
              var name = make("th");
              name.scope = "row";
              var button = make("button", cluster.n);
              button.type = "button";
              button.title = [cluster.n, cluster.g ? "resource group " + cluster.g : "", cluster.f].filter(Boolean).join(" \\u00b7 ");
              button.addEventListener("click", function () { showCluster(cluster.index); });
              name.appendChild(button);
              row.appendChild(name);
              columns.forEach(function (r) {
                var rule = rules[r], state = cluster.s.charAt(r);
                var cell = row.insertCell();
                cell.className = state === "-" ? "N" : state + (state === "F" ? " sev-" + rule.severity : "");
                cell.textContent = symbols[state];
                cell.title = cellLabel(rule, state);
                cell.setAttribute("aria-label", cell.title);
                cell.setAttribute("data-rule", rule.id);
                cell.setAttribute("data-state", state);
                cell.tabIndex = -1;
                cell.addEventListener("click", function () { showCluster(cluster.index, rule.id); });
              });
            });
            var first = body.querySelector("th button");
            if (first) first.tabIndex = 0;
            byId("shown").textContent = "Showing " + Math.min(rows.length, view.shown) + " of " + rows.length + " clusters" +
              (rows.length !== clusters.length ? " (" + clusters.length + " in the report)" : "") + " and " + columns.length + " of " + rules.length + " rules.";
            var more = byId("more");
            more.hidden = rows.length <= view.shown;
            more.textContent = "Show " + Math.min(page, rows.length - view.shown) + " more clusters";
          }
          function moveFocus(event) {
            var cell = event.target.closest("td, th");
            if (!cell || !cell.parentElement || cell.parentElement.parentElement.tagName !== "TBODY") return;
            var row = cell.parentElement, column = cell.cellIndex, target = null;
            if (event.key === "ArrowRight") target = row.cells[column + 1];
            else if (event.key === "ArrowLeft") target = row.cells[column - 1];
            else if (event.key === "ArrowDown" && row.nextElementSibling) target = row.nextElementSibling.cells[column];
            else if (event.key === "ArrowUp" && row.previousElementSibling) target = row.previousElementSibling.cells[column];
            else if ((event.key === "Enter" || event.key === " ") && cell.tagName === "TD") { event.preventDefault(); cell.click(); return; }
            if (!target) return;
            event.preventDefault();
            var focusable = target.tagName === "TH" ? target.querySelector("button") : target;
            focusable.tabIndex = 0;
            focusable.focus();
          }
          function link(file, line) {
            var where = file + ":" + line;
            if (!data.repository) return make("span", where);
            var anchor = make("a", where);
            anchor.href = data.repository.replace(/\\/$/, "") + "/" + file.split("/").map(encodeURIComponent).join("/") + "#L" + line;
            return anchor;
          }
          // A rule's az command for a finding: each {placeholder} becomes the word akslint chose for
          // it (the finding's own, such as its pool, else the cluster's), and names that stand for a
          // template expression are noted at the end, as the other reports write it.
          function command(rule, cluster, extras) {
            if (!rule.command) return null;
            var notes = [];
            var filled = rule.command.replace(/\\{([A-Za-z]+)\\}/g, function (whole, key) {
              var word = (extras.w && extras.w[key]) || cluster.w[key];
              if (!word) return whole;
              if (word[1]) notes.push(word[1]);
              return word[0];
            });
            return notes.length ? filled + "   # " + notes.join("; ") : filled;
          }
          function copyButton(text) {
            var button = make("button", "Copy", "copy");
            button.type = "button";
            button.addEventListener("click", function () {
              var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
              if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy"; });
              else button.textContent = "Select and copy";
            });
            return button;
          }
          // The fleet (summary, matrix, run) or one cluster: a cluster view takes the page, and
          // "Back" returns to the fleet as it was left.
          function showFleet(visible) {
            ["summary", "fleet", "facts"].forEach(function (id) { var node = byId(id); if (node) node.hidden = !visible; });
            byId("cluster").hidden = visible;
          }
          function showCluster(index, ruleId) {
            var cluster = clusters[index];
            var section = byId("cluster");
            section.textContent = "";
            showFleet(false);
            section.setAttribute("data-cluster", cluster.n);
            var title = make("h2", cluster.n);
            title.tabIndex = -1;
            section.appendChild(title);
            section.appendChild(make("p", [cluster.g ? "Resource group " + cluster.g : "", cluster.f, cluster.id || ""].filter(Boolean).join(" \\u00b7 "), "where"));
            var findings = cluster.x.slice().sort(function (a, b) {
              var open = (a[1] === "F" ? 0 : a[1] === "I" ? 1 : 2) - (b[1] === "F" ? 0 : b[1] === "I" ? 1 : 2);
              return open || rank(rules[a[0]].severity) - rank(rules[b[0]].severity) || a[0] - b[0];
            });
            section.appendChild(make("p", findings.length ? findings.length + " findings: " + findings.filter(function (f) { return f[1] === "F"; }).length + " failed, " +
              findings.filter(function (f) { return f[1] === "I"; }).length + " indeterminate, " + findings.filter(function (f) { return f[1] === "S" || f[1] === "B"; }).length + " suppressed or baselined." : "No findings: every rule passed or does not apply."));
            var focus = null;
            findings.forEach(function (finding) {
              var rule = rules[finding[0]], state = finding[1];
              var article = make("article", null, "finding sev-" + (state === "F" ? rule.severity : "info"));
              article.setAttribute("data-rule", rule.id);
              var extras = finding[5] || {};
              var heading = make("h4", rule.id + " " + rule.name + " \\u2014 " + words[state] + (state === "F" ? " (" + rule.severity + ")" : "") + (extras.s ? " \\u00b7 " + extras.s : ""));
              article.appendChild(heading);
              article.appendChild(make("p", strings[finding[4]]));
              var where = make("p", null, "where");
              where.appendChild(link(extras.f !== undefined ? strings[extras.f] : cluster.f, finding[2]));
              where.appendChild(document.createTextNode(":" + finding[3]));
              article.appendChild(where);
              if (extras.a) article.appendChild(make("p", "Accepted: " + extras.a));
              var fixCommand = state === "F" ? command(rule, cluster, extras) : null;
              if (fixCommand) {
                var fix = make("div", null, "fix");
                fix.appendChild(make("pre", fixCommand, "command"));
                fix.appendChild(copyButton(fixCommand));
                article.appendChild(make("p", rule.fixLabel));
                article.appendChild(fix);
              }
              var change = make("details", null, "change");
              change.appendChild(make("summary", "Template, Bicep and Terraform change; why it matters"));
              [["ARM", rule.template], ["Bicep", rule.bicep], ["Terraform", rule.terraform]].forEach(function (pair) {
                change.appendChild(make("p", pair[0]));
                change.appendChild(make("pre", pair[1]));
              });
              change.appendChild(make("p", rule.rationale));
              change.appendChild(make("p", rule.disruption));
              article.appendChild(change);
              section.appendChild(article);
              if (ruleId && rule.id === ruleId && !focus) focus = article;
            });
            var back = make("button", "Back to all clusters", "back");
            back.type = "button";
            back.addEventListener("click", function () {
              showFleet(true);
              history.replaceState(null, "", location.pathname);
              byId("fleet").scrollIntoView();
              var button = Array.prototype.filter.call(byId("matrix").tBodies[0].rows, function (r) { return r.getAttribute("data-cluster") === cluster.n; })[0];
              if (button) button.querySelector("button").focus();
            });
            section.insertBefore(back, section.firstChild);
            history.replaceState(null, "", "#cluster=" + encodeURIComponent(cluster.n));
            if (focus) focus.scrollIntoView(); else window.scrollTo(0, 0);
            title.focus({ preventScroll: true });
          }
          // The view is in the address (#sort=failed&severity=high&search=prod), so a link or a
          // bookmark opens the same view, and a view can be checked without clicking.
          var controls = ["search", "sort", "severity", "category", "framework", "state"];
          function saveView() {
            var parts = controls.filter(function (id) { return view[id] && !(id === "sort" && view.sort === "name"); })
              .map(function (id) { return id + "=" + encodeURIComponent(view[id]); });
            history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname);
          }
          controls.forEach(function (id) {
            byId(id).addEventListener(id === "search" ? "input" : "change", function (event) {
              view[id] = event.target.value;
              view.shown = page;
              saveView();
              render();
            });
          });
          function requestedView() {
            var wanted = {};
            location.hash.replace(/^#/, "").split("&").forEach(function (part) {
              var equals = part.indexOf("=");
              if (equals > 0) wanted[part.slice(0, equals)] = decodeURIComponent(part.slice(equals + 1));
            });
            return wanted;
          }
          function openRequestedCluster(wanted) {
            if (wanted.cluster === undefined) return;
            var found = clusters.filter(function (cluster) { return cluster.n === wanted.cluster; })[0];
            if (found) showCluster(found.index);
          }
          var requested = requestedView();
          controls.forEach(function (id) {
            if (requested[id] === undefined) return;
            var control = byId(id);
            control.value = requested[id];
            if (control.value === requested[id]) view[id] = requested[id];
          });
          byId("filters").addEventListener("submit", function (event) { event.preventDefault(); });
          byId("more").addEventListener("click", function () { view.shown += page; render(); });
          byId("matrix").addEventListener("keydown", moveFocus);
          render();
          openRequestedCluster(requested);
          // A link to #cluster=NAME (the summary's most exposed clusters) opens that cluster.
          window.addEventListener("hashchange", function () { openRequestedCluster(requestedView()); });
          document.documentElement.setAttribute("data-ready", "true");
          document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
        })();
        """
}
