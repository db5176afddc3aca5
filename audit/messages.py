"""Every message a user reads outside the rule packs, in Vietnamese and English: command-line errors
and warnings, why a file cannot be read (and what to do), configuration problems, report words.

    msg("cli.parent_or_corpus", "en")                  # "give --parent or --corpus, not both"
    msg("input.too_big", "vi", size=25, limit=20)      # values fill the {placeholders}

Rule messages live in the rule packs (each rule carries `vi`/`en`); everything else lives here, so
a translator has one table to read. Vietnamese is the default. A reader error is a key "input.X" (or
"input.X.Y" for one of several problems with the same remedy) saying what is wrong, and "input.X.do"
saying what to do about it.

The "plan-audit: error:" / "plan-audit: warning:" prefix of a command-line message stays in English
in both languages: scripts and CI logs search for it.
"""

from __future__ import annotations

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    # --- the command line -------------------------------------------------------------------------
    "cli.parent_or_corpus": {
        "vi": "chỉ dùng một trong hai tùy chọn --parent hoặc --corpus, không dùng cả hai",
        "en": "give --parent or --corpus, not both",
    },
    "cli.no_plan_read": {
        "vi": "{path}: không đọc được kế hoạch nào",
        "en": "{path}: no plan could be read",
    },
    "cli.no_plan_file": {
        "vi": "{path}: không có tệp kế hoạch nào trong thư mục",
        "en": "{path}: no plan file found",
    },
    "cli.cache_distrusted": {
        "vi": "{path}: thư mục bộ nhớ đệm thuộc người dùng khác hoặc người khác ghi được; lần chạy này không dùng bộ nhớ đệm",
        "en": "{path}: the cache folder belongs to another user or others can write to it; this run uses no cache",
    },
    "cli.no_rule": {
        "vi": "không có quy tắc {code} (xem `plan-audit rules`)",
        "en": "no rule {code} (see `plan-audit rules`)",
    },
    "rules.unknown_code": {
        "vi": "'{code}' không khớp mã quy tắc nào (xem `plan-audit rules`)",
        "en": "'{code}' matches no rule code (see `plan-audit rules`)",
    },
    "cli.baseline_written": {
        "vi": "đã ghi {count} phát hiện vào đường cơ sở {path}",
        "en": "wrote {count} findings to the baseline {path}",
    },
    # --- configuration, waivers, baselines (after "<file>: <key>: ") -------------------------------
    "config.unknown_key": {
        "vi": "khóa không hợp lệ (các khóa dùng được: {known})",
        "en": "unknown key (known keys: {known})",
    },
    "config.required": {"vi": "bắt buộc phải có", "en": "is required"},
    "config.choice": {"vi": "phải là một trong: {choices}", "en": "must be one of: {choices}"},
    "config.bad_value": {"vi": "giá trị không hợp lệ ({detail})", "en": "bad value ({detail})"},
    "config.not_mapping": {
        "vi": "tệp cấu hình phải là một bảng khóa: giá trị",
        "en": "a configuration file is a mapping of keys to values",
    },
    "config.bad_yaml": {"vi": "YAML không hợp lệ: {detail}", "en": "bad YAML: {detail}"},
    "config.bad_toml": {"vi": "TOML không hợp lệ: {detail}", "en": "bad TOML: {detail}"},
    "config.unreadable": {"vi": "không đọc được tệp ({detail})", "en": "cannot read the file ({detail})"},
    "config.not_found": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "config.bad_glob": {"vi": "mẫu đường dẫn không hợp lệ: {detail}", "en": "bad path pattern: {detail}"},
    "waivers.not_list": {
        "vi": "tệp miễn trừ là một danh sách, hoặc một bảng có khóa 'waivers' chứa danh sách",
        "en": "a waiver file is a list, or a mapping with a list under 'waivers'",
    },
    "baseline.not_baseline": {
        "vi": "không phải tệp đường cơ sở của plan-audit (cần khóa 'findings' chứa danh sách); "
              "tạo lại bằng --write-baseline",
        "en": "not a plan-audit baseline (expected a list under 'findings'); write it anew with --write-baseline",
    },
    # --- report words (audit/report/) ---------------------------------------------------------------
    "report.errors": {"vi": "Lỗi", "en": "Errors"},
    "report.warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "report.notes": {"vi": "Lưu ý", "en": "Notes"},
    "report.waived": {"vi": "Được miễn", "en": "Waived"},
    "report.clean": {"vi": "không có vấn đề", "en": "no problems"},
    "report.plans": {"vi": "Kế hoạch", "en": "Plans"},
    "report.unreadable": {"vi": "không đọc được", "en": "could not be read"},
    "report.coverage": {"vi": "Đáp ứng yêu cầu được giao", "en": "Assigned requirements met"},
    "report.summary_title": {"vi": "Kết quả rà soát", "en": "Audit result"},
    "report.report_title": {"vi": "Báo cáo rà soát kế hoạch", "en": "Plan review report"},
    "report.number": {"vi": "Số", "en": "Number"},
    "report.date": {"vi": "Ngày ban hành", "en": "Date of issue"},
    "report.issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "report.parent": {"vi": "Thực hiện kế hoạch cấp trên", "en": "Implements the parent plan"},
    "report.no_parent": {"vi": "chưa xác định được", "en": "not identified"},
    "report.met": {
        "vi": "Yêu cầu của kế hoạch cấp trên đã đáp ứng",
        "en": "Requirements of the parent plan that are met",
    },
    "report.missing": {
        "vi": "Yêu cầu của kế hoạch cấp trên còn thiếu",
        "en": "Requirements of the parent plan that are missing",
    },
    "report.listed_missing": {
        "vi": "Nội dung kế hoạch cấp trên liệt kê mà kế hoạch chưa nêu (để tham khảo)",
        "en": "What the parent plan lists and this plan does not mention (for reference)",
    },
    "report.findings": {"vi": "Các vấn đề khác", "en": "Other findings"},
    "report.to_add": {"vi": "Đề nghị bổ sung, chỉnh sửa", "en": "What to add or change"},
    "report.requirement": {"vi": "Yêu cầu", "en": "Requirement"},
    "report.evidence": {"vi": "Dẫn chứng trong kế hoạch", "en": "Evidence in the plan"},
    "report.parent_plan": {"vi": "Kế hoạch cấp trên", "en": "Parent plan"},
    "report.parent_wording": {"vi": "Nội dung kế hoạch cấp trên", "en": "The parent plan's wording"},
    "report.line": {"vi": "dòng", "en": "line"},
    "report.code": {"vi": "Mã", "en": "Code"},
    "report.message": {"vi": "Nội dung", "en": "Message"},
    "report.reason": {"vi": "Lý do miễn", "en": "Why it is waived"},
    "report.none": {"vi": "Không có.", "en": "None."},
    "report.parent_line": {"vi": "kế hoạch cấp trên, dòng", "en": "parent plan, line"},
    "report.copied": {"vi": "Tỷ lệ sao chép từ kế hoạch cấp trên", "en": "Share copied from the parent plan"},
    "report.category.concept": {"vi": "Nội dung", "en": "Content"},
    "report.category.task": {"vi": "Nhiệm vụ", "en": "Task"},
    "report.category.report": {"vi": "Báo cáo", "en": "Reporting"},
    "report.weight.assigned": {"vi": "được giao", "en": "assigned"},
    "report.weight.listed": {"vi": "liệt kê", "en": "listed"},
    "report.add": {"vi": "Bổ sung", "en": "Add"},
    "report.summary": {"vi": "Tóm tắt", "en": "Summary"},
    "report.plan_file": {"vi": "Tệp", "en": "File"},
    "report.intro": {
        "vi": "Báo cáo do plan-audit lập, đối chiếu kế hoạch với văn bản cấp trên mà kế hoạch thực hiện.",
        "en": "Made by plan-audit, comparing the plan with the parent plan it implements.",
    },
    "report.matrix.plan": {"vi": "Kế hoạch ← cấp trên", "en": "Plan ← parent"},
    "report.matrix.concepts": {"vi": "Được giao", "en": "Assigned"},
    "report.matrix.tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "report.matrix.reports": {"vi": "Báo cáo", "en": "Reports"},
    "report.matrix.listed": {"vi": "Liệt kê", "en": "Listed"},
    "report.matrix.copied": {"vi": "Sao chép", "en": "Copied"},
    "report.matrix.title": {
        "vi": "Mức độ đáp ứng kế hoạch cấp trên (đáp ứng/yêu cầu)",
        "en": "Coverage of the parent plan (met/asked)",
    },
    "report.sarif.reference": {"vi": "Căn cứ", "en": "Reference"},
    "report.sarif.more": {"vi": "Chi tiết", "en": "Details"},
    "report.sarif.parent": {"vi": "Kế hoạch cấp trên yêu cầu tại đây", "en": "The parent plan asks for it here"},
    "report.severity.error": {"vi": "lỗi", "en": "error"},
    "report.severity.warning": {"vi": "cảnh báo", "en": "warning"},
    "report.severity.info": {"vi": "lưu ý", "en": "info"},
    # --- `plan-audit graph` --------------------------------------------------------------------------
    "graph.expected_shape": {
        "vi": "tệp đơn vị cấp dưới phải là một bảng: tên cơ quan ban hành -> danh sách tên đơn vị cấp dưới",
        "en": "the expected-units file is a mapping from an issuer to a list of subordinate issuer names",
    },
    "graph.hierarchy": {"vi": "Cây kế hoạch: {root} ({count} kế hoạch)", "en": "Plan hierarchy: {root} ({count} plans)"},
    "graph.link": {"vi": "({relation}, dòng {line})", "en": "({relation}, line {line})"},
    "graph.shown": {"vi": "(đã hiện ở trên: vòng trích dẫn)", "en": "(already shown: a cycle)"},
    "graph.draft": {"vi": "dự thảo (chưa có số)", "en": "draft (no number)"},
    "graph.unresolved": {"vi": "Văn bản cấp trên không tìm thấy", "en": "Unresolved parents"},
    "graph.cycles": {"vi": "Vòng trích dẫn", "en": "Cycles"},
    "graph.duplicates": {"vi": "Văn bản trùng số", "en": "Duplicate documents"},
    "graph.no_parent": {"vi": "Kế hoạch không có cấp trên trong thư mục", "en": "Plans with no parent"},
    "graph.cites": {"vi": "trích dẫn {refs} (không có trong thư mục)", "en": "cites {refs} (not in the folder)"},
    "graph.cites_none": {"vi": "không trích dẫn kế hoạch nào", "en": "cites no plan"},
    "graph.missing": {"vi": "Đơn vị cấp dưới chưa có kế hoạch", "en": "Missing subordinate plans"},
    "graph.problems": {"vi": "Tệp không đọc được", "en": "Files that could not be read"},
    "graph.none": {"vi": "không có", "en": "none"},
    "graph.cited_by": {"vi": "được {count} kế hoạch trích dẫn", "en": "cited by {count} plan(s)"},
    "graph.ambiguous": {"vi": "chưa rõ: có thể là {paths}", "en": "ambiguous: could be {paths}"},
    "graph.other_date": {
        "vi": "khác ngày: {path} có số này, ban hành ngày {date}",
        "en": "date differs: {path} has this number, dated {date}",
    },
    "graph.no_issuer_plan": {"vi": "thư mục không có kế hoạch của cơ quan này", "en": "no plan of this issuer in the folder"},
    "graph.units_missing": {
        "vi": "{issuer}{year} ({target}): {missing}/{expected} đơn vị chưa có kế hoạch trích dẫn",
        "en": "{issuer}{year} ({target}): {missing} of {expected} units without a plan citing it",
    },
    "graph.summary": {
        "vi": "{documents} kế hoạch, {links} liên kết, {unresolved} văn bản cấp trên không tìm thấy, "
              "{cycles} vòng trích dẫn, {duplicates} văn bản trùng số, {problems} tệp không đọc được",
        "en": "{documents} plans, {links} links, {unresolved} unresolved references, "
              "{cycles} cycles, {duplicates} duplicates, {problems} unreadable files",
    },
    # --- `plan-audit extract` ------------------------------------------------------------------------
    "extract.header": {"vi": "Phần đầu văn bản", "en": "Header"},
    "extract.citations": {"vi": "Căn cứ ({count})", "en": "Citations ({count})"},
    "extract.sections": {"vi": "Các phần", "en": "Sections"},
    "extract.units": {"vi": "Đơn vị ({count})", "en": "Units ({count})"},
    "extract.tasks": {"vi": "{count} nhiệm vụ", "en": "{count} tasks"},
    "extract.concepts": {"vi": "Nội dung nhận diện được ({count})", "en": "Concepts ({count})"},
    "extract.appendix": {"vi": "Phụ lục", "en": "Appendix"},
    "extract.attached": {"vi": "Kèm theo", "en": "Attached to"},
    "extract.table": {"vi": "bảng L{line}: {rows} dòng × {columns} cột", "en": "table L{line}: {rows} rows × {columns} columns"},
    "extract.signer": {"vi": "Người ký", "en": "Signer"},
    # --- reading a plan file: what is wrong ("input.X") and what to do ("input.X.do") -------------
    "input.not_found": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "input.not_found.do": {"vi": "Kiểm tra lại đường dẫn", "en": "Check the path"},
    "input.permission": {"vi": "không có quyền đọc tệp", "en": "permission denied"},
    "input.permission.do": {
        "vi": "Cấp quyền đọc cho tệp (chmod +r) hoặc sao chép tệp ra chỗ khác",
        "en": "Make the file readable (chmod +r) or copy it",
    },
    "input.directory": {"vi": "là thư mục, không phải tệp kế hoạch", "en": "is a directory, not a plan file"},
    "input.directory.do": {
        "vi": "Dùng `plan-audit corpus DIR` để kiểm tra cả thư mục",
        "en": "Use `plan-audit corpus DIR` for a folder",
    },
    "input.os_error": {"vi": "không đọc được ({reason})", "en": "cannot be read ({reason})"},
    "input.os_error.do": {"vi": "Kiểm tra lại tệp", "en": "Check the file"},
    "input.too_big": {
        "vi": "tệp nặng {size} MB, vượt giới hạn {limit} MB của một kế hoạch",
        "en": "file is {size} MB, over the {limit} MB limit for one plan",
    },
    "input.too_big.do": {
        "vi": "Kiểm tra đây có đúng là kế hoạch, không phải tệp nén hay bản quét",
        "en": "Check that this is a plan and not an archive or a scan",
    },
    "input.long_line": {
        "vi": "dòng {line} dài {length} ký tự, vượt giới hạn {limit} ký tự của một dòng",
        "en": "line {line} is {length} characters long, over the {limit} limit for one line",
    },
    "input.long_line.do": {
        "vi": "Kiểm tra đây có đúng là kế hoạch, không phải dữ liệu; đoạn văn của kế hoạch ngắn hơn nhiều",
        "en": "Check that this is a plan and not data; a plan's paragraphs are far shorter",
    },
    "input.doc": {"vi": "không hỗ trợ định dạng Word .doc cũ", "en": "old Word .doc format is not supported"},
    "input.doc.do": {
        "vi": "Chuyển sang .docx trước, ví dụ `libreoffice --headless --convert-to docx FILE.doc`",
        "en": "Convert it to .docx first, e.g. `libreoffice --headless --convert-to docx FILE.doc`",
    },
    "input.misnamed.docx": {
        "vi": "có đuôi .docx nhưng không phải văn bản Word (nội dung không mở đầu như tệp Word)",
        "en": "named .docx but is not a Word document (its content does not start like one)",
    },
    "input.misnamed.pdf": {
        "vi": "có đuôi .pdf nhưng không phải tệp PDF (nội dung không mở đầu như tệp PDF)",
        "en": "named .pdf but is not a PDF (its content does not start like one)",
    },
    "input.misnamed.do": {
        "vi": "Tải lại tệp; nếu là văn bản thuần thì đổi đuôi thành .txt",
        "en": "Download the file again; if it is text, rename it to .txt",
    },
    "input.empty": {"vi": "tệp rỗng", "en": "file is empty"},
    "input.empty.do": {
        "vi": "Kiểm tra việc tải về hoặc sao chép đã hoàn tất chưa",
        "en": "Check that the download or copy completed",
    },
    "input.blank": {"vi": "tệp rỗng", "en": "file is empty"},
    "input.blank.do": {
        "vi": "Tệp chỉ có khoảng trắng; kiểm tra việc tải về hoặc sao chép đã hoàn tất chưa",
        "en": "It holds only white space; check that the download or copy completed",
    },
    "input.binary.nul": {
        "vi": "chứa byte NUL, tức là dữ liệu nhị phân, không phải văn bản",
        "en": "contains NUL bytes, so it is binary data, not text",
    },
    "input.binary.data": {"vi": "dữ liệu nhị phân, không phải văn bản", "en": "binary data, not text"},
    "input.binary.do": {
        "vi": "Cung cấp kế hoạch dạng .docx, PDF có lớp chữ, hoặc văn bản UTF-8",
        "en": "Give the plan as .docx, a PDF with a text layer, or UTF-8 text",
    },
    "input.bad_utf8": {
        "vi": "không phải văn bản UTF-8 hợp lệ (có byte không giải mã được từ dòng {line})",
        "en": "not valid UTF-8 text (undecodable bytes from line {line})",
    },
    "input.bad_utf8.do": {
        "vi": "Lưu kế hoạch dạng văn bản UTF-8, .docx hoặc PDF có lớp chữ",
        "en": "Save the plan as UTF-8 text, .docx or a PDF with a text layer",
    },
    "input.legacy": {
        "vi": "văn bản dùng bảng mã tiếng Việt cũ {encoding}, nếu kiểm tra sẽ thành chữ lỗi",
        "en": "text is in the legacy {encoding} Vietnamese encoding and would be audited as mojibake",
    },
    "input.legacy.do": {
        "vi": "Chuyển sang Unicode trước (ví dụ công cụ chuyển mã của UniKey, hoặc mở bằng Word với đúng "
              "phông chữ rồi lưu thành .docx)",
        "en": "Convert it to Unicode first (e.g. UniKey's converter, or open in Word with the right font "
              "and save as .docx)",
    },
    "input.zip_not_word": {
        "vi": "là tệp nén zip nhưng không phải văn bản Word (không có word/document.xml)",
        "en": "a zip archive but not a Word document (no word/document.xml)",
    },
    "input.zip_not_word.do": {
        "vi": "Cung cấp chính kế hoạch dạng .docx, .pdf hoặc văn bản, không phải tệp nén chứa nó",
        "en": "Give the plan itself as .docx, .pdf or text, not an archive that contains it",
    },
    "input.docx_damaged.part": {
        "vi": "tệp .docx bị cắt cụt hoặc hỏng ({detail})",
        "en": "truncated or damaged .docx ({detail})",
    },
    "input.docx_damaged.zip": {
        "vi": "tệp .docx bị cắt cụt hoặc hỏng (không đọc được danh mục zip)",
        "en": "truncated or damaged .docx (the zip directory cannot be read)",
    },
    "input.docx_damaged.do": {
        "vi": "Tải hoặc sao chép lại tệp, hoặc mở bằng Word và lưu lại",
        "en": "Download or copy the file again, or open it in Word and save it anew",
    },
    "input.bomb.size": {
        "vi": "bị từ chối vì có thể là bom nén: giải nén ra {size} MB, vượt xa mọi kế hoạch",
        "en": "refused as a possible zip bomb: it would unpack to {size} MB, far beyond any plan",
    },
    "input.bomb.ratio": {
        "vi": "bị từ chối vì có thể là bom nén: phần {member} nén theo tỉ lệ {ratio}:1, vượt xa mọi kế hoạch",
        "en": "refused as a possible zip bomb: its part {member} is compressed {ratio}:1, far beyond any plan",
    },
    "input.bomb.do": {
        "vi": "Kiểm tra nguồn gốc tệp; nếu tệp là thật, mở bằng Word và lưu lại",
        "en": "Check where the file came from; save the plan anew from Word if it is genuine",
    },
    "input.pdf_scan": {
        "vi": "PDF không có lớp chữ (là ảnh quét)",
        "en": "PDF has no text layer (a scanned image)",
    },
    "input.pdf_scan.do": {
        "vi": "Nhận dạng chữ (OCR) trước, ví dụ `ocrmypdf -l vie in.pdf out.pdf`, rồi kiểm tra tệp kết quả",
        "en": "Run OCR on it first, e.g. `ocrmypdf -l vie in.pdf out.pdf`, and audit the result",
    },
    "input.pdf_damaged": {"vi": "tệp PDF bị hỏng ({detail})", "en": "damaged PDF ({detail})"},
    "input.pdf_damaged.do": {
        "vi": "Tải lại tệp, hoặc in ra một PDF mới từ trình xem",
        "en": "Download the file again, or print it to a new PDF from a viewer",
    },
    "input.pdf_locked.password": {"vi": "PDF được mã hóa bằng mật khẩu", "en": "PDF is encrypted with a password"},
    "input.pdf_locked.aes": {
        "vi": "PDF được mã hóa AES, cần mật khẩu và thư viện mật mã",
        "en": "PDF is encrypted with AES, which needs the password and a crypto library",
    },
    "input.pdf_locked.do": {
        "vi": "Xin cơ quan ban hành bản không khóa, hoặc giải mã (ví dụ "
              "`qpdf --decrypt --password=PW in.pdf out.pdf`)",
        "en": "Ask the issuer for an unprotected copy, or decrypt it (e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`)",
    },
    "input.folder.missing": {"vi": "không tìm thấy thư mục", "en": "directory not found"},
    "input.folder.not_dir": {"vi": "không phải thư mục", "en": "is not a directory"},
    "input.folder.do": {"vi": "Chỉ ra thư mục chứa các kế hoạch", "en": "Give the folder that holds the plans"},
    "input.folder_unreadable": {"vi": "không đọc được thư mục ({reason})", "en": "folder cannot be read ({reason})"},
    "input.folder_unreadable.do": {"vi": "Kiểm tra quyền truy cập thư mục", "en": "Check its permissions"},
    "input.broken_link": {
        "vi": "liên kết hỏng: đích của liên kết không tồn tại",
        "en": "broken link: its target does not exist",
    },
    "input.broken_link.do": {"vi": "Sửa hoặc xóa liên kết", "en": "Fix or remove the link"},
    "input.parse_crash": {"vi": "không phân tích được ({detail})", "en": "could not be parsed ({detail})"},
    "input.parse_crash.do": {
        "vi": "Vui lòng gửi tệp này cho nhóm phát triển plan-audit",
        "en": "Please report this file to the plan-audit developers",
    },
    # --- `plan-audit serve`: the reviewer's workbench in the browser --------------------------------
    "serve.listening": {
        "vi": "bàn làm việc rà soát đang chạy tại {url} (Ctrl+C để dừng)",
        "en": "the review workbench is running at {url} (Ctrl+C to stop)",
    },
    "serve.exposed": {
        "vi": "đang mở cho cả mạng tại {host}: máy khác cũng xem và tải lên được; chỉ dùng trong mạng tin cậy",
        "en": "listening on {host}: other machines can see and upload too; use it only on a trusted network",
    },
    "serve.title": {"vi": "Bàn làm việc rà soát", "en": "Review workbench"},
    "serve.footer": {
        "vi": "Mọi tệp và kết quả chỉ ở trên máy này; thư mục phiên làm việc bị xóa khi dừng máy chủ.",
        "en": "Every file and result stays on this machine; the session folder is removed when the server stops.",
    },
    "serve.nav.plans": {"vi": "Kế hoạch và phát hiện", "en": "Plans and findings"},
    "serve.nav.graph": {"vi": "Sơ đồ cấp trên – cấp dưới", "en": "Plan hierarchy"},
    "serve.nav.matrix": {"vi": "Ma trận đáp ứng", "en": "Coverage matrix"},
    "serve.upload.label": {"vi": "Chọn hoặc kéo thả các tệp kế hoạch", "en": "Choose or drop plan files"},
    "serve.upload.button": {"vi": "Tải lên và rà soát", "en": "Upload and audit"},
    "serve.upload.hint": {
        "vi": "Nhận .docx, .pdf có lớp chữ, .txt, .md; mỗi tệp tối đa {mb} MB, tối đa {files} tệp. Tệp chỉ lưu "
              "trong thư mục tạm riêng của phiên này.",
        "en": "Takes .docx, PDF with a text layer, .txt, .md; up to {mb} MB a file, {files} files at most. Files are "
              "kept only in this session's private temporary folder.",
    },
    "serve.upload.stored": {"vi": "Đã nhận {count} tệp: {names}", "en": "Received {count} files: {names}"},
    "serve.upload.type": {
        "vi": "{name}: không phải tệp kế hoạch (.docx, .pdf, .txt, .md), không nhận",
        "en": "{name}: not a plan file (.docx, .pdf, .txt, .md), not taken",
    },
    "serve.upload.too_big": {"vi": "{name}: tệp lớn hơn {mb} MB, không nhận", "en": "{name}: larger than {mb} MB, not taken"},
    "serve.upload.too_many": {
        "vi": "{name}: phiên đã có {files} tệp, không nhận thêm",
        "en": "{name}: the session already holds {files} files, not taken",
    },
    "serve.upload.request_too_big": {
        "vi": "Lượt tải lên quá lớn; hãy chia thành nhiều lượt",
        "en": "The upload is too large; send the files in several parts",
    },
    "serve.audit.reading": {"vi": "Đang đọc kế hoạch {done}/{total}…", "en": "Reading plans {done}/{total}…"},
    "serve.audit.auditing": {"vi": "Đang rà soát…", "en": "Auditing…"},
    "serve.audit.reload": {"vi": "Tải lại trang", "en": "Reload the page"},
    "serve.audit.failed": {"vi": "Không rà soát được: {detail}", "en": "The audit failed: {detail}"},
    "serve.audit.none": {
        "vi": "Chưa có kế hoạch nào: hãy tải lên các tệp kế hoạch.",
        "en": "No plans yet: upload some plan files.",
    },
    "serve.audit.again": {"vi": "Rà soát lại", "en": "Audit again"},
    "serve.filter.severity": {"vi": "Mức độ", "en": "Severity"},
    "serve.filter.rule": {"vi": "Quy tắc", "en": "Rule"},
    "serve.filter.unit": {"vi": "Đơn vị", "en": "Unit"},
    "serve.filter.all": {"vi": "Tất cả", "en": "All"},
    "serve.filter.apply": {"vi": "Lọc", "en": "Filter"},
    "serve.findings.title": {"vi": "Phát hiện", "en": "Findings"},
    "serve.findings.severity": {"vi": "Mức độ", "en": "Severity"},
    "serve.plan.subject": {"vi": "Trích yếu", "en": "Subject"},
    "serve.plan.text": {"vi": "Nội dung kế hoạch", "en": "The plan's text"},
    "serve.plan.whole": {"vi": "Phát hiện về cả kế hoạch", "en": "Findings about the whole plan"},
    "serve.plan.parent_asks": {"vi": "Kế hoạch cấp trên yêu cầu:", "en": "The parent plan asks:"},
    "serve.waive.reason": {"vi": "Lý do miễn", "en": "Reason for the waiver"},
    "serve.waive.expires": {"vi": "Hết hạn (không bắt buộc)", "en": "Expires (optional)"},
    "serve.waive.button": {"vi": "Miễn phát hiện này", "en": "Waive this finding"},
    "serve.waive.done": {
        "vi": "Đã miễn {rule}; đã ghi vào tệp miễn trừ",
        "en": "Waived {rule}; written to the waivers file",
    },
    "serve.waive.reason_needed": {"vi": "Cần ghi lý do miễn", "en": "A waiver needs a reason"},
    "serve.waive.bad_form": {"vi": "Biểu mẫu miễn trừ không hợp lệ", "en": "The waiver form is not valid"},
    "serve.waive.stale": {
        "vi": "Phát hiện này không còn trong kết quả mới nhất; hãy xem lại trang",
        "en": "This finding is not in the latest result any more; look at the page again",
    },
    "serve.waive.file": {"vi": "Tệp miễn trừ: {detail}", "en": "Waivers file: {detail}"},
    "serve.download.title": {"vi": "Tải báo cáo", "en": "Download reports"},
    "serve.download.format": {"vi": "Báo cáo {format}", "en": "{format} report"},
    "serve.download.waivers": {"vi": "Tệp miễn trừ (waivers.yaml)", "en": "Waivers file (waivers.yaml)"},
    "serve.download.waivers_temporary": {
        "vi": "Miễn trừ của phiên này nằm trong thư mục tạm và bị xóa khi dừng máy chủ: hãy tải tệp miễn trừ về, "
              "hoặc chạy với --waivers TỆP để ghi thẳng vào tệp của đơn vị.",
        "en": "This session's waivers are in its temporary folder, removed when the server stops: download the "
              "waivers file, or run with --waivers FILE to write to your own file.",
    },
    "serve.graph.none_missing": {
        "vi": "Mọi đơn vị trong danh sách đều đã có kế hoạch.",
        "en": "Every unit of the list has filed a plan.",
    },
    "serve.graph.summary": {
        "vi": "{documents} kế hoạch, {links} liên kết, {unresolved} văn bản cấp trên không có trong thư mục, "
              "{missing} đơn vị chưa có kế hoạch",
        "en": "{documents} plans, {links} links, {unresolved} parent documents not in the folder, "
              "{missing} units without a plan",
    },
    "serve.graph.tree": {"vi": "Kế hoạch nào thực hiện kế hoạch nào", "en": "Who implements whom"},
    "serve.graph.unresolved": {"vi": "Văn bản cấp trên không tìm thấy", "en": "Parent documents not found"},
    "serve.graph.missing": {"vi": "Đơn vị chưa có kế hoạch", "en": "Units without a plan"},
    "serve.graph.no_expected": {
        "vi": "Không có danh sách đơn vị (chạy với --expected units.yaml để biết đơn vị nào còn thiếu kế hoạch).",
        "en": "No list of units (run with --expected units.yaml to see which units have no plan).",
    },
    "serve.graph.no_parent": {"vi": "Kế hoạch chưa xác định được cấp trên", "en": "Plans whose parent is not known"},
    "serve.graph.cites": {"vi": "dẫn chiếu", "en": "cites"},
    "serve.matrix.hint": {
        "vi": "Con số màu đỏ: kế hoạch chưa đáp ứng hết yêu cầu được giao. Cột \"Liệt kê\" chỉ để tham khảo.",
        "en": "Red cells: the plan does not meet every assigned requirement. The \"Listed\" column is context only.",
    },
    "serve.matrix.empty": {
        "vi": "Chưa kế hoạch nào có kế hoạch cấp trên trong phiên này.",
        "en": "No plan of this session has its parent plan here.",
    },
}


def msg(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message `key` in `lang` (Vietnamese unless "en"), its {placeholders} filled from `values`."""
    entry = MESSAGES[key]
    return entry["en" if lang == "en" else "vi"].format(**values)
