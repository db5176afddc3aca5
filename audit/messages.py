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

DEFAULT_LANG = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    # --- how often a duty is done (parent_terms: KETHUA011) ----------------------------------------
    "terms.frequency.ngay": {"vi": "hằng ngày", "en": "daily"},
    "terms.frequency.tuan": {"vi": "hằng tuần", "en": "weekly"},
    "terms.frequency.2_tuan": {"vi": "2 tuần một lần", "en": "every two weeks"},
    "terms.frequency.thang": {"vi": "hằng tháng", "en": "monthly"},
    "terms.frequency.2_thang": {"vi": "2 tháng một lần", "en": "every two months"},
    "terms.frequency.quy": {"vi": "hằng quý", "en": "quarterly"},
    "terms.frequency.6_thang": {"vi": "6 tháng một lần", "en": "every six months"},
    "terms.frequency.nam": {"vi": "hằng năm", "en": "yearly"},
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
    # the error policy (audit/cli.Guarded): what no command handled
    "cli.interrupted": {"vi": "đã dừng (Ctrl-C)", "en": "interrupted (Ctrl-C)"},
    "cli.os_error": {"vi": "{path}: lỗi hệ thống: {reason}", "en": "{path}: system error: {reason}"},
    "cli.stdout_encoding": {
        "vi": "đầu ra chuẩn dùng bảng mã {encoding}, không hiển thị được tiếng Việt; đặt PYTHONIOENCODING=utf-8 "
              "hoặc ghi ra tệp bằng --output",
        "en": "standard output uses the {encoding} encoding, which cannot show Vietnamese; set PYTHONIOENCODING=utf-8 "
              "or write to a file with --output",
    },
    "cli.internal_error": {
        "vi": "lỗi ngoài dự kiến của plan-audit ({detail}); chạy lại với --debug để xem chi tiết và báo lỗi",
        "en": "unexpected plan-audit error ({detail}); run again with --debug for the details, and report it",
    },
    "cli.output_is_input": {
        "vi": "{output}: tệp ghi ra chính là tệp đầu vào {input}; không ghi đè, hãy chọn tên tệp khác",
        "en": "{output}: the output is the input {input}; it is not overwritten, choose another file name",
    },
    "config.untrusted": {
        "vi": "{path}: không dùng tệp cấu hình này vì nó thuộc người dùng khác hoặc người khác ghi được",
        "en": "{path}: this configuration is not used: it belongs to another user or others can write to it",
    },
    "config.untrusted_folder": {
        "vi": "{path}: không dùng tệp cấu hình này vì thư mục của nó thuộc người dùng khác",
        "en": "{path}: this configuration is not used: its folder belongs to another user",
    },
    "cli.no_rule": {
        "vi": "không có quy tắc {code} (xem `plan-audit rules`)",
        "en": "no rule {code} (see `plan-audit rules`)",
    },
    "rules.unknown_code": {
        "vi": "'{code}' không khớp mã quy tắc nào (xem `plan-audit rules`)",
        "en": "'{code}' matches no rule code (see `plan-audit rules`)",
    },
    # --- report formats (deliverables) ---
    "cli.format_needs_output": {
        "vi": "định dạng {format} ghi ra tệp: hãy chỉ định --output TỆP (hoặc THƯ MỤC khi có nhiều kế hoạch)",
        "en": "the {format} format writes files: give --output FILE (or FOLDER for several plans)",
    },
    "cli.output_is_dir": {
        "vi": "{path} là một thư mục: định dạng này ghi ra một tệp, hãy chỉ định --output TỆP",
        "en": "{path} is a folder: this format writes one file, give --output FILE",
    },
    "cli.writing_report": {"vi": "Đang ghi báo cáo", "en": "Writing the report"},
    "cli.baseline_written": {
        "vi": "đã ghi {count} phát hiện vào đường cơ sở {path}",
        "en": "wrote {count} findings to the baseline {path}",
    },
    # --- words of the check kinds' findings: section and field names, what is missing ------------
    "label.section.muc_dich": {"vi": "Mục đích", "en": "Purpose"},
    "label.section.yeu_cau": {"vi": "Yêu cầu", "en": "Requirements"},
    "label.section.doi_tuong": {"vi": "Đối tượng tuyên truyền", "en": "Audience"},
    "label.section.noi_dung": {"vi": "Nội dung tuyên truyền", "en": "Content"},
    "label.section.hinh_thuc": {"vi": "Hình thức tuyên truyền", "en": "Forms and channels"},
    "label.section.to_chuc_thuc_hien": {"vi": "Tổ chức thực hiện", "en": "Implementation (who does what)"},
    "label.section.thoi_gian": {"vi": "Thời gian thực hiện", "en": "Timeline"},
    "label.section.kinh_phi": {"vi": "Kinh phí", "en": "Budget"},
    "label.section.san_pham": {"vi": "Sản phẩm, kết quả dự kiến", "en": "Deliverables"},
    "label.section.phu_luc": {"vi": "Phụ lục", "en": "Appendix"},
    "label.field.number": {"vi": "số văn bản", "en": "document number"},
    "label.field.symbol": {"vi": "ký hiệu văn bản", "en": "document symbol"},
    "label.field.date": {"vi": "ngày ban hành", "en": "date of issue"},
    "label.field.place": {"vi": "địa danh", "en": "place name"},
    "label.field.issuer": {"vi": "tên cơ quan ban hành", "en": "issuing body"},
    "label.field.title": {"vi": "trích yếu", "en": "subject line"},
    "check.header_block.motto": {"vi": "Quốc hiệu và Tiêu ngữ", "en": "the national name and motto"},
    "check.header_block.issuer": {"vi": "tên cơ quan ban hành", "en": "the issuing body's name"},
    "check.header_block.place": {"vi": "địa danh trước ngày tháng", "en": "the place before the date"},
    "check.header_block.type": {"vi": "tên loại văn bản (KẾ HOẠCH ...)", "en": "the document type (KẾ HOẠCH ...)"},
    "check.header_block.subject": {"vi": "trích yếu nội dung", "en": "the subject line"},
    "check.closing_block.no_signer": {"vi": "không có phần chữ ký (chức vụ, họ tên người ký)", "en": "no signature block (signer's position and name)"},
    "check.closing_block.no_position": {"vi": "không ghi chức vụ người ký", "en": "the signer's position is missing"},
    "check.closing_block.no_name": {"vi": "không ghi họ tên người ký (bản dự thảo?)", "en": "the signer's name is missing (a draft?)"},
    "check.closing_block.no_recipients": {"vi": 'không có phần "Nơi nhận"', "en": 'no "Nơi nhận" (recipients) list'},
    "check.closing_block.no_archive": {"vi": '"Nơi nhận" không kết thúc bằng "Lưu: VT, ..."', "en": '"Nơi nhận" does not end with "Lưu: VT, ..."'},
    "check.requires_field.missing": {"vi": "không có", "en": "missing"},
    "check.requires_field.blank": {"vi": "để trống (bản dự thảo?)", "en": "left blank (a draft?)"},
    "check.requires_field.incomplete": {"vi": "viết chưa đủ", "en": "incomplete"},
    "check.requires_field.impossible": {"vi": "không có thật", "en": "not a real date"},
    "check.closing_block.no_archive.do": {"vi": "Thêm dòng cuối \"- Lưu: VT, ...\"", "en": "End it with \"- Lưu: VT, ...\""},
    "check.number_symbol.leading_zero": {"vi": "số nhỏ hơn 10 phải viết {number}", "en": "a number below 10 is written {number}"},
    "check.number_symbol.shape": {
        "vi": 'ký hiệu phải gồm mã loại văn bản và mã cơ quan nối bằng dấu "-"',
        "en": 'the symbol is a type code and an issuer code joined by "-"',
    },
    "check.number_symbol.unknown_code": {
        "vi": '"{code}" không phải mã loại văn bản của Phụ lục III', "en": '"{code}" is not a type code of Phụ lục III',
    },
    "check.number_symbol.other_type": {
        "vi": "tên loại là {expected} nhưng ký hiệu ghi {code}", "en": "the title's type is {expected} but the symbol says {code}",
    },
    "check.parent_timing.before_parent": {
        "vi": "trước ngày của kế hoạch cấp trên ({date})", "en": "before the parent plan's date ({date})",
    },
    "check.parent_timing.after_deadline": {
        "vi": "sau hạn ban hành kế hoạch cấp trên giao ({date}, dòng {line})",
        "en": "after the deadline the parent set for plans ({date}, line {line})",
    },
    "check.cites_parent.date": {
        "vi": "ngày {cited} (văn bản ghi ngày {actual})", "en": "date {cited} (the document is dated {actual})",
    },
    "check.cites_parent.issuer": {
        "vi": 'cơ quan ban hành "{cited}" (văn bản của "{actual}")', "en": 'issuer "{cited}" (the document is by "{actual}")',
    },
    "check.change_to": {"vi": 'Sửa thành "{text}"', "en": 'Change it to "{text}"'},
    "label.section.none": {"vi": "nội dung kế hoạch", "en": "the plan's content"},
    "label.level.trung_uong": {"vi": "trung ương", "en": "central"},
    "label.level.tinh": {"vi": "tỉnh", "en": "province"},
    "label.level.so": {"vi": "sở, ngành", "en": "provincial department"},
    "label.level.huyen": {"vi": "huyện", "en": "district"},
    "label.level.xa": {"vi": "xã", "en": "commune"},
    # --- `plan-audit rules CODE` -----------------------------------------------------------------
    "rules.label.severity": {"vi": "Mức", "en": "Severity"},
    "rules.label.check": {"vi": "Loại kiểm tra", "en": "Check kind"},
    "rules.label.params": {"vi": "Tham số", "en": "Parameters"},
    "rules.label.rationale": {"vi": "Vì sao", "en": "Why"},
    "rules.label.reference": {"vi": "Căn cứ", "en": "Reference"},
    "rules.label.kind": {"vi": "Loại kiểm tra", "en": "Check kind"},
    "rules.label.passes": {"vi": "Đạt", "en": "Passes"},
    "rules.label.fails": {"vi": "Không đạt", "en": "Fails"},
    "rules.label.parent": {"vi": "Kế hoạch cấp trên", "en": "Parent plan"},
    "rules.label.examples": {"vi": "Ví dụ của quy tắc này:", "en": "Examples of this rule:"},
    # --- a YAML file that cannot be read (audit/base/yaml_lines.py YamlError.kind) ----------------
    "yaml.syntax": {"vi": "YAML không hợp lệ: {detail}", "en": "bad YAML: {detail}"},
    "yaml.unreadable": {"vi": "không đọc được tệp ({detail})", "en": "cannot read the file ({detail})"},
    "yaml.alias": {
        "vi": "YAML không hợp lệ: không dùng bí danh (&tên, *tên, <<); hãy viết đầy đủ giá trị",
        "en": "bad YAML: aliases (&name, *name, <<) are not accepted; write the value out",
    },
    "yaml.too_deep": {"vi": "YAML không hợp lệ: lồng quá sâu", "en": "bad YAML: nested too deeply"},
    "yaml.duplicate_key": {
        "vi": "khóa '{name}' xuất hiện hai lần (lần đầu ở dòng {first})",
        "en": "key '{name}' given twice (first on line {first})",
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
    "config.bad_toml": {"vi": "TOML không hợp lệ: {detail}", "en": "bad TOML: {detail}"},
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
    # --- Word, Excel and letter formats (deliverables) ---
    "report.what_to_do": {"vi": "Đề nghị", "en": "What to do"},
    "report.parent_asks": {"vi": "Kế hoạch cấp trên yêu cầu", "en": "The parent plan asks for it"},
    "report.xlsx.summary": {"vi": "Tổng hợp", "en": "Summary"},
    "report.xlsx.findings": {"vi": "Phát hiện", "en": "Findings"},
    "report.xlsx.missing": {"vi": "Đơn vị chưa có kế hoạch", "en": "Units without a plan"},
    "report.xlsx.matrix": {"vi": "Ma trận", "en": "Matrix"},
    "report.xlsx.level": {"vi": "Cấp", "en": "Level"},
    "report.xlsx.met": {"vi": "đạt", "en": "met"},
    "report.xlsx.total": {"vi": "tổng", "en": "total"},
    "report.xlsx.share_met": {"vi": "Tỷ lệ đáp ứng (được giao)", "en": "Share met (assigned)"},
    "report.xlsx.timing": {"vi": "Thời hạn ban hành", "en": "Issued on time"},
    "report.xlsx.on_time": {"vi": "Đúng hạn", "en": "On time"},
    "report.xlsx.late": {"vi": "Chậm", "en": "Late"},
    "report.xlsx.severity": {"vi": "Mức độ", "en": "Severity"},
    "report.xlsx.parent_line": {"vi": "Dòng cấp trên", "en": "Parent's line"},
    "report.xlsx.kind": {"vi": "Loại", "en": "Kind"},
    "report.xlsx.not_in_folder": {"vi": "Kế hoạch được trích dẫn nhưng không có trong thư mục",
                                  "en": "Cited plan not in the folder"},
    "report.xlsx.no_plan": {"vi": "Đơn vị chưa ban hành kế hoạch", "en": "Unit with no plan"},
    "report.xlsx.upper_unit": {"vi": "Cơ quan cấp trên", "en": "Issuer of the parent plan"},
    "report.xlsx.year": {"vi": "Năm", "en": "Year"},
    "report.xlsx.upper_plan": {"vi": "Kế hoạch cấp trên", "en": "Parent plan"},
    "report.xlsx.unit": {"vi": "Đơn vị", "en": "Unit"},
    "report.xlsx.cited_by": {"vi": "Được trích dẫn bởi", "en": "Cited by"},
    "report.xlsx.status.met": {"vi": "Đạt", "en": "Met"},
    "report.xlsx.status.missing": {"vi": "Thiếu", "en": "Missing"},
    "report.xlsx.status.not_named": {"vi": "Chưa nêu (chỉ liệt kê)", "en": "Not named (only listed)"},
    "report.level.trung_uong": {"vi": "Trung ương", "en": "Central"},
    "report.level.tinh": {"vi": "Tỉnh", "en": "Province"},
    "report.level.so": {"vi": "Sở, ngành", "en": "Department"},
    "report.level.huyen": {"vi": "Huyện", "en": "District"},
    "report.level.xa": {"vi": "Xã", "en": "Commune"},
    # --- the letter (công văn góp ý, Nghị định 30/2020) ---
    "letter.to": {"vi": "Kính gửi", "en": "To"},
    "letter.plan": {"vi": "Kế hoạch", "en": "Plan"},
    "letter.number": {"vi": "số", "en": "No."},
    "letter.dated": {"vi": "ngày", "en": "of"},
    "letter.of": {"vi": "của", "en": "by"},
    "letter.about": {"vi": "về", "en": "on"},
    "letter.number_label": {"vi": "Số", "en": "No."},
    "letter.subject": {"vi": "V/v góp ý", "en": "Re: comments on"},
    "letter.motto_1": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"},
    "letter.motto_2": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "letter.place_date": {"vi": "{place}, ngày     tháng     năm", "en": "{place}, date:"},
    "letter.opening": {
        "vi": "Sau khi xem xét {plan}{title}, {reviewer} có ý kiến góp ý như sau:",
        "en": "Having reviewed {plan}{title}, {reviewer} comments as follows:",
    },
    "letter.missing": {
        "vi": "Các nội dung, nhiệm vụ được giao tại {parent} nhưng Kế hoạch chưa thể hiện:",
        "en": "What {parent} assigned and the plan does not yet contain:",
    },
    "letter.missing_item": {
        "vi": "{name} (dòng {line} của kế hoạch cấp trên: “{text}”);",
        "en": "{name} (line {line} of the parent plan: “{text}”);",
    },
    "letter.fixes": {"vi": "Các nội dung cần bổ sung, chỉnh sửa:", "en": "What to add or correct:"},
    "letter.at_line": {"vi": "Tại dòng {line}", "en": "At line {line}"},
    "letter.whole_plan": {"vi": "Toàn văn Kế hoạch", "en": "The whole plan"},
    "letter.fix": {"vi": "Đề nghị", "en": "Please"},
    "letter.nothing": {
        "vi": "Kế hoạch cơ bản đáp ứng yêu cầu, không có nội dung cần bổ sung, chỉnh sửa.",
        "en": "The plan meets the requirements; there is nothing to add or correct.",
    },
    "letter.resubmit": {
        "vi": "Đề nghị {unit} nghiên cứu, tiếp thu, hoàn chỉnh Kế hoạch và gửi về {reviewer} trước ngày {blank}./.",
        "en": "{unit} is asked to revise the plan accordingly and send it to {reviewer} by {blank}.",
    },
    "letter.recipients": {"vi": "Nơi nhận", "en": "Recipients"},
    "letter.as_above": {"vi": "Như trên", "en": "As above"},
    "letter.archive": {"vi": "Lưu: VT", "en": "Archive: office"},
    "letter.sign_committee": {"vi": "TM. ỦY BAN NHÂN DÂN", "en": "ON BEHALF OF THE PEOPLE'S COMMITTEE"},
    "letter.sign_chair": {"vi": "CHỦ TỊCH", "en": "CHAIR"},
    "letter.sign_director": {"vi": "GIÁM ĐỐC", "en": "DIRECTOR"},
    "letter.sign_head": {"vi": "THỦ TRƯỞNG CƠ QUAN", "en": "HEAD OF THE AGENCY"},
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
    "report.overview": {"vi": "Tổng hợp theo kế hoạch", "en": "The plans at a glance"},
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
    # --- where a finding's line is when the viewer shows no line numbers (audit/engine/where.py) ---
    "finding.where.page": {"vi": "trang {page}", "en": "page {page}"},
    "finding.where.section": {"vi": "mục \u201c{section}\u201d", "en": "section \u201c{section}\u201d"},
    "finding.where.paragraph": {"vi": "đoạn \u201c{paragraph}\u201d", "en": "paragraph \u201c{paragraph}\u201d"},
    "finding.where.both": {
        "vi": "mục \u201c{section}\u201d, đoạn \u201c{paragraph}\u201d",
        "en": "section \u201c{section}\u201d, paragraph \u201c{paragraph}\u201d",
    },
    # --- what a document is when it is no plan (audit/parse/kind.py, rule THETHUC011) ---
    "kind.cong_van": {"vi": "công văn", "en": "an official letter (công văn)"},
    "kind.bao_cao": {"vi": "báo cáo", "en": "a report (báo cáo)"},
    "kind.to_trinh": {"vi": "tờ trình", "en": "a submission (tờ trình)"},
    "kind.thong_bao": {"vi": "thông báo", "en": "a notice (thông báo)"},
    "kind.quyet_dinh": {"vi": "quyết định không kèm kế hoạch", "en": "a decision without a plan (quyết định)"},
    "kind.nghi_quyet": {"vi": "nghị quyết không kèm kế hoạch", "en": "a resolution without a plan (nghị quyết)"},
    "kind.huong_dan": {"vi": "hướng dẫn", "en": "a guidance (hướng dẫn)"},
    "kind.chi_thi": {"vi": "chỉ thị", "en": "a directive (chỉ thị)"},
    "kind.bien_ban": {"vi": "biên bản", "en": "minutes (biên bản)"},
    "kind.cong_dien": {"vi": "công điện", "en": "a dispatch (công điện)"},
    "kind.fragment": {"vi": "đoạn văn bản ngắn, không có tên loại và số", "en": "a short fragment with no type or number"},
    # --- findings on text read by OCR (audit/engine/engine.py: ocr_noted) ---
    "finding.ocr_line": {
        "vi": "(dòng đọc bằng OCR từ bản quét: chữ có thể bị nhận sai, hãy đối chiếu bản quét)",
        "en": "(line read by OCR from a scan: letters may be misread, check the scan)",
    },
    "finding.ocr_plan": {
        "vi": "(kế hoạch có trang đọc bằng OCR từ bản quét: chữ có thể bị nhận sai, hãy đối chiếu bản quét)",
        "en": "(the plan has pages read by OCR from a scan: letters may be misread, check the scan)",
    },
    # --- reading a plan file: what is wrong ("input.X") and what to do ("input.X.do") -------------
    "input.not_found": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "input.not_found.do": {"vi": "Kiểm tra lại đường dẫn", "en": "Check the path"},
    "input.permission": {"vi": "không có quyền đọc tệp", "en": "permission denied"},
    "input.permission.do": {
        "vi": "Cấp quyền đọc cho tệp (chmod +r) hoặc sao chép tệp ra chỗ khác",
        "en": "Make the file readable (chmod +r) or copy it",
    },
    "input.not_regular": {
        "vi": "không phải tệp thông thường (ống dẫn FIFO, thiết bị...), không đọc",
        "en": "is not a regular file (a FIFO, a device ...), not read",
    },
    "input.not_regular.do": {"vi": "Chỉ đưa vào tệp kế hoạch", "en": "Give plan files only"},
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
    "input.too_many_lines": {
        "vi": "có {count} dòng (đoạn), vượt giới hạn {limit} dòng của một kế hoạch",
        "en": "has {count} lines (paragraphs), over the {limit} limit for one plan",
    },
    "input.too_many_lines.do": {
        "vi": "Kiểm tra đây có đúng là kế hoạch, không phải dữ liệu; một kế hoạch có vài nghìn dòng",
        "en": "Check that this is a plan and not data; a plan has a few thousand lines",
    },
    "input.too_much_text": {
        "vi": "có {count} ký tự chữ, vượt giới hạn {limit} ký tự của một kế hoạch",
        "en": "holds {count} characters of text, over the {limit} limit for one plan",
    },
    "input.too_much_text.do": {
        "vi": "Kiểm tra đây có đúng là một kế hoạch; nếu tệp gộp nhiều văn bản, hãy tách ra",
        "en": "Check that this is one plan; if the file joins several documents, split it",
    },
    "input.pdf_heavy": {
        "vi": "trang {page} có {chars} ký tự, vượt giới hạn {limit} ký tự một trang",
        "en": "page {page} holds {chars} characters, over the limit of {limit} a page",
    },
    "input.pdf_heavy.do": {
        "vi": "Xuất lại PDF từ tệp gốc (Word) hoặc gửi tệp .docx",
        "en": "Export the PDF again from the original (Word) file, or send the .docx",
    },
    # --- .doc, .odt, .rtf: read through LibreOffice (audit/read/convert.py) ---
    "input.needs_soffice": {
        "vi": "đọc tệp {kind} cần LibreOffice, máy này chưa cài",
        "en": "reading a {kind} file needs LibreOffice, which is not installed",
    },
    "input.needs_soffice.do": {
        "vi": "Cài LibreOffice (Debian, Ubuntu: `sudo apt-get install libreoffice-writer-nogui`), hoặc mở tệp "
              "trong Word và lưu thành .docx rồi kiểm tra tệp đó",
        "en": "Install LibreOffice (Debian, Ubuntu: `sudo apt-get install libreoffice-writer-nogui`), or open the "
              "file in Word, save it as .docx and audit that",
    },
    "input.convert.failed": {
        "vi": "LibreOffice không chuyển được tệp {kind} này",
        "en": "LibreOffice could not convert this {kind} file",
    },
    "input.convert.timeout": {
        "vi": "LibreOffice chưa chuyển xong tệp {kind} này sau {seconds} giây",
        "en": "LibreOffice did not finish converting this {kind} file within {seconds} seconds",
    },
    "input.doc_damaged": {
        "vi": "tệp Word .doc bị hỏng (phần đầu tệp OLE không hợp lệ)",
        "en": "damaged Word .doc file (its OLE header is not valid)",
    },
    "input.doc_damaged.do": {
        "vi": "Tải lại tệp, hoặc xin cơ quan ban hành bản .docx",
        "en": "Download the file again, or ask the issuer for a .docx copy",
    },
    "input.convert.do": {
        "vi": "Mở tệp trong Word hoặc LibreOffice, lưu thành .docx rồi kiểm tra tệp đó",
        "en": "Open the file in Word or LibreOffice, save it as .docx and audit that",
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
    "input.bomb.lie": {
        "vi": "bị từ chối vì có thể là bom nén: phần {member} ghi {declared} byte nhưng giải nén ra nhiều hơn",
        "en": "refused as a possible zip bomb: its part {member} says {declared} bytes but unpacks to more",
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
    "input.ocr_missing": {
        "vi": "PDF không có lớp chữ (là ảnh quét) và máy chưa cài Tesseract với dữ liệu tiếng Việt để nhận dạng chữ",
        "en": "PDF has no text layer (a scanned image) and Tesseract with its Vietnamese data, which reads scans, "
              "is not installed",
    },
    "input.ocr_missing.do": {
        "vi": "Cài Tesseract (Debian, Ubuntu: `sudo apt-get install tesseract-ocr tesseract-ocr-vie`) rồi kiểm tra "
              "lại, hoặc nhận dạng chữ trước, ví dụ `ocrmypdf -l vie in.pdf out.pdf`",
        "en": "Install Tesseract (Debian, Ubuntu: `sudo apt-get install tesseract-ocr tesseract-ocr-vie`) and audit "
              "it again, or run OCR on it first, e.g. `ocrmypdf -l vie in.pdf out.pdf`",
    },
    "input.ocr_failed": {
        "vi": "nhận dạng chữ (OCR) trang quét không thành ({detail})",
        "en": "OCR of the scanned pages failed ({detail})",
    },
    "input.ocr_failed.do": {
        "vi": "Xin bản .docx hoặc PDF có lớp chữ từ cơ quan ban hành",
        "en": "Ask the issuer for a .docx or a PDF with a text layer",
    },
    "input.ocr_empty": {
        "vi": "PDF không có lớp chữ (là ảnh quét) và nhận dạng chữ (OCR) không đọc được chữ nào",
        "en": "PDF has no text layer (a scanned image) and OCR read no text from it",
    },
    "input.ocr_empty.do": {
        "vi": "Kiểm tra tệp quét đúng là kế hoạch và rõ nét (từ 200 dpi), hoặc xin bản .docx",
        "en": "Check that the scan is of the plan and legible (200 dpi or more), or ask for the .docx",
    },
    "input.pdf_damaged": {"vi": "tệp PDF bị hỏng ({detail})", "en": "damaged PDF ({detail})"},
    "input.pdf_damaged.do": {
        "vi": "Tải lại tệp, hoặc in ra một PDF mới từ trình xem",
        "en": "Download the file again, or print it to a new PDF from a viewer",
    },
    "input.pdf_locked.password": {"vi": "PDF được mã hóa bằng mật khẩu", "en": "PDF is encrypted with a password"},
    "input.pdf_locked.aes": {
        "vi": "PDF được mã hóa theo cách không mở được nếu không có mật khẩu",
        "en": "PDF is encrypted in a way that cannot be opened without the password",
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


def both(key: str, **values: object) -> dict[str, str]:
    """The message `key` in every language, as a finding's values carry it ({"vi": ..., "en": ...})."""
    return {"vi": msg(key, "vi", **values), "en": msg(key, "en", **values)}


# --- click's own words (usage errors, --help), in Vietnamese -----------------------------------------
# Keyed by click's English text (its gettext message ids, click 8.x); audit/cli.py hands them to
# click when the language is Vietnamese. A message click adds later shows in English.
CLICK_VI: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện hướng dẫn này và thoát.",
    "Show the version and exit.": "Hiện phiên bản và thoát.",
    "default: {default}": "mặc định: {default}",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem '{command} {option}' để được hướng dẫn.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Missing command.": "Thiếu lệnh.",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc: {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "Aborted!": "Đã dừng!",
}

