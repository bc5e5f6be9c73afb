/// The workbench's one stylesheet and its small script, served from `/static/`. Nothing is loaded from the internet
/// (centres run on closed networks).
enum Stylesheet {
    /// `/static/pingan.css`: layout for 1366×768 and phones, level colours, print rules.
    static let css = """
        :root { --ink: #1d2733; --muted: #5b6673; --line: #d4dae1; --bg: #f5f7f9; --accent: #0b57a4; --late: #b3261e;
          --soon: #8a5300; --ok: #1e6b35; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif;
          color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #f0b400;
          outline-offset: 1px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; padding: 8px 16px;
          background: #12324f; color: #fff; }
        header.top a { color: #fff; } .brand { font-weight: 700; text-decoration: none; }
        header nav ul { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; }
        header nav a[aria-current] { font-weight: 700; text-decoration: underline; }
        .tools { margin-left: auto; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
        .tools .link { color: #fff; }
        main { padding: 12px 16px 40px; max-width: 1340px; margin: 0 auto; }
        h1 { font-size: 1.4rem; margin: 8px 0 12px; } h2 { font-size: 1.1rem; margin: 12px 0 8px; }
        h3 { font-size: 1rem; margin: 12px 0 6px; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 0 0 14px; }
        .narrow { max-width: 420px; }
        .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 14px; }
        .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 0 16px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
        table.fields th { width: 9em; color: var(--muted); font-weight: 500; }
        label { display: block; font-weight: 600; margin-bottom: 2px; }
        .check label { display: inline; font-weight: 400; margin-left: 4px; }
        input, select, textarea { font: inherit; padding: 5px 7px; border: 1px solid #8a96a3; border-radius: 4px;
          width: 100%; max-width: 520px; background: #fff; color: var(--ink); }
        input[type=checkbox] { width: auto; } select[multiple] { min-height: 7em; }
        button, .button { font: inherit; display: inline-block; padding: 5px 14px; border: 1px solid #8a96a3;
          border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; }
        button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
        button.small, .button.small { padding: 2px 10px; font-size: .9rem; }
        button.link { border: 0; background: none; padding: 0; text-decoration: underline; }
        form.inline { display: inline; }
        .saved { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
        .saved-list { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; }
        .save-filter { margin-left: auto; display: flex; gap: 6px; align-items: center; }
        .save-filter input { width: 12em; } label.inline-label { display: inline; margin: 0; }
        .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 0 12px; }
        .filters .buttons { grid-column: 1 / -1; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: .85rem; white-space: nowrap;
          border: 1px solid transparent; }
        .lv-level3 { background: #fff3c4; color: #5c4500; border-color: #d9b300; }
        .lv-level2 { background: #ffd9b0; color: #6b3000; border-color: #e07b00; }
        .lv-level1 { background: #b3261e; color: #fff; }
        .lv-blue { background: #1f5fbf; color: #fff; } .lv-yellow { background: #f2d600; color: #2b2500; }
        .lv-orange { background: #e36c00; color: #fff; } .lv-red { background: #c4161c; color: #fff; }
        .st-received, .st-assigned { background: #e8eef7; color: #173b67; } .st-in_progress { background: #e3f1e6; color: var(--ok); }
        .st-resolved, .st-closed { background: #eceff1; color: #37474f; } .st-merged { background: #f1eaf6; color: #4a2a61; }
        .supervised { background: #fde7e9; color: #8e1120; }
        .due-late { background: var(--late); color: #fff; } .due-soon { background: #ffe3b3; color: var(--soon); }
        .due-ok { background: #e3f1e6; color: var(--ok); }
        .summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 14px; }
        .tile { display: block; min-width: 130px; padding: 8px 12px; background: #fff; border: 1px solid var(--line);
          border-radius: 6px; text-decoration: none; color: var(--ink); }
        .tile strong { display: block; font-size: 1.6rem; }
        .tile.late strong { color: var(--late); } .tile.soon strong { color: var(--soon); }
        .count { color: var(--muted); font-weight: 400; }
        .notice { background: #e8f1fb; border-left: 4px solid var(--accent); padding: 8px 12px; }
        .error { background: #fdecea; border-left: 4px solid var(--late); padding: 8px 12px; }
        .empty { color: var(--muted); }
        .timeline { list-style: none; padding: 0; margin: 0; }
        .timeline li { border-left: 3px solid var(--line); padding: 4px 0 8px 12px; }
        .timeline time { color: var(--muted); } .timeline p { margin: 2px 0; white-space: pre-wrap; }
        .text { white-space: pre-wrap; }
        details.action { border-top: 1px solid var(--line); padding: 6px 0; }
        details.action summary { cursor: pointer; font-weight: 600; }
        .notices { padding-left: 18px; } .notices li.unread { font-weight: 600; }
        svg.chart { max-width: 100%; height: auto; font-size: 12px; }
        svg .label, svg .value { fill: var(--ink); } svg rect.bar { fill: #4f7fb3; } svg rect.ok { fill: var(--ok); }
        svg rect.late { fill: var(--late); } svg .axis { stroke: #8a96a3; }
        svg rect.lv-level3 { fill: #d9b300; } svg rect.lv-level2 { fill: #e07b00; } svg rect.lv-level1 { fill: #b3261e; }
        svg rect.lv-blue { fill: #1f5fbf; } svg rect.lv-yellow { fill: #f2d600; } svg rect.lv-orange { fill: #e36c00; }
        svg rect.lv-red { fill: #c4161c; }
        svg .line-received { stroke: #1f5fbf; stroke-width: 2; } svg .line-resolved { stroke: var(--ok); stroke-width: 2; }
        svg .line-received-key { fill: #1f5fbf; } svg .line-resolved-key { fill: var(--ok); }
        @media (max-width: 640px) { .columns { grid-template-columns: 1fr; } main { padding: 8px; }
          thead { display: none; } table.cases td { display: block; border: 0; padding: 2px 6px; }
          table.cases tr { display: block; border-bottom: 1px solid var(--line); padding: 6px 0; } }
        @media print { header.top, form, details.action, .pager { display: none; } body { background: #fff; }
          .card { border: 0; } }
        """

    /// `/static/pingan.js`: optional helpers; every page works without it. Adds a text filter above long selects
    /// (the region tree) so a grid can be found by typing.
    static let script = """
        document.querySelectorAll('select#region_code, select#region').forEach(function (select) {
          if (select.options.length < 12) return;
          var input = document.createElement('input');
          input.type = 'search';
          input.setAttribute('aria-label', document.documentElement.lang === 'en' ? 'Filter regions' : '筛选区域');
          input.placeholder = document.documentElement.lang === 'en' ? 'Filter…' : '输入名称筛选…';
          input.addEventListener('input', function () {
            var text = input.value.trim();
            Array.prototype.forEach.call(select.options, function (option) {
              option.hidden = text !== '' && option.value !== '' && option.text.indexOf(text) < 0;
            });
          });
          select.parentNode.insertBefore(input, select);
        });
        """
}
