"""Generate a corpus of fictional plans over a whole province hierarchy, with a manifest of what
each plan lacks. Deterministic: the same --seed and --plans give the same files, byte for byte.

    .venv/bin/python scripts/gen_corpus.py /tmp/corpus-10k --plans 10000 --seed 1

Provinces alternate between the three-level year 2024 (tỉnh -> sở and huyện -> xã, the communes
citing their district) and the two-level year 2025 (after 1/7/2025: tỉnh -> sở and xã, the
communes citing the province). Each plan has a header, a preamble citing its parent by number and
date, purpose, content and forms, timing, budget, Tổ chức thực hiện (its own offices, and tasks for
the level below), the closing, "Nơi nhận", the signer and an appendix table summing up the tasks;
15-25 KB of text, as .md, plain .txt or a portal copy with a "left | right" header.

What the generator knows, it writes to `manifest.json`: per plan, the concepts (rules/lexicon.yaml
ids) its parent assigned to it (tasks under a unit addressing its level or naming it, and the
appendix rows such a unit leads) with the parent's first line naming each, the concepts the plan
covers, and the ones it lacks, which KETHUA001 must report, and nothing else (a lacking periodic
report, deliverable.bao_cao, where its parent's line is a reporting duty: KETHUA003). A few citations carry
a wrong date on purpose (`wrong_citation_date`), which KETHUA005 must report.

All names, people, numbers and sentences are invented here: place names are built from syllables
(any coincidence with a real place is chance) and no sentence comes from a real plan. Every concept
phrase names exactly one concept; the connecting text names none (tests/test_generated_corpus.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# --- the words ------------------------------------------------------------------------------------

# Each phrase names exactly its concept; "{of}" becomes "của <the plan's own unit>".
CONCEPT_PHRASES: dict[str, list[str]] = {
    "channel.cong_ttdt": ["đăng tải thông tin trên Cổng thông tin điện tử {of}",
                          "cập nhật nội dung lên Trang TTĐT {of}", "duy trì mục giới thiệu trên website {of}",
                          "đưa thông tin lên Cổng thông tin điện tữ {of}"],
    "channel.cong_dvc": ["hướng dẫn người dân nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
                         "khuyến khích người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến",
                         "giới thiệu cách tra cứu hồ sơ trên Cổng DVC của tỉnh"],
    "channel.zalo": ["hướng dẫn người dân quan tâm Zalo OA {of}",
                     "lập nhóm Zalo ở từng thôn, tổ dân phố để chia sẻ thông tin"],
    "channel.facebook": ["chia sẻ hình ảnh hoạt động trên trang Facebook {of}", "duy trì Fanpage {of}"],
    "channel.truyen_thanh": ["phát thông tin trên đài truyền thanh cơ sở",
                             "phát thông báo qua cụm loa ở các thôn, tổ dân phố",
                             "tiếp sóng chương trình phát thanh của tỉnh"],
    "channel.bao_chi": ["phối hợp với các cơ quan báo chí đưa tin",
                        "cung cấp thông tin cho phương tiện thông tin đại chúng"],
    # each names the concept too: a banner asked by name is not met by a billboard (lexicon "items")
    "channel.truc_quan": ["tuyên truyền trực quan, treo băng rôn tại trụ sở và nơi công cộng",
                          "tuyên truyền trực quan bằng pano tại các tuyến đường chính",
                          "tuyên truyền trực quan, kẻ khẩu hiệu trên tường rào trụ sở"],
    "channel.an_pham": ["in và phát tờ rơi hướng dẫn người dân", "biên soạn sổ tay hỏi đáp cho cán bộ cơ sở",
                        "phát tờ gấp tại nơi tiếp nhận hồ sơ"],
    "channel.hoi_nghi": ["lồng ghép nội dung tại hội nghị giao ban hằng tháng",
                         "phổ biến tại các cuộc họp thôn, tổ dân phố"],
    "channel.tap_huan": ["tổ chức lớp tập huấn kỹ năng cho công chức", "cử công chức tham gia bồi dưỡng nghiệp vụ"],
    "channel.hoi_thi": ["tổ chức cuộc thi tìm hiểu về cải cách hành chính",
                        "hưởng ứng hội thi tuyên truyền viên giỏi"],
    "channel.niem_yet": ["niêm yết công khai quy trình giải quyết hồ sơ tại trụ sở",
                         "cập nhật bảng niêm yết tại nơi tiếp nhận hồ sơ", "nghiêm yết công khai các quy trình mới"],
    "channel.luu_dong": ["đưa đội tuyên truyền lưu động về các thôn, bản",
                         "tổ chức tuyên truyền lưu động ở vùng sâu, vùng xa"],
    "channel.san_khau": ["dàn dựng tiểu phẩm sân khấu hóa", "lồng ghép vào các buổi văn nghệ ở khu dân cư"],
    "channel.duong_day_nong": ["công khai số đường dây nóng để tiếp nhận phản ánh",
                               "duy trì hotline tiếp nhận phản ánh"],
    "channel.sms": ["gửi tin nhắn SMS nhắc lịch hẹn trả hồ sơ"],
    "channel.doi_thoai": ["tổ chức đối thoại giữa lãnh đạo với Nhân dân", "duy trì lịch tiếp công dân định kỳ"],
    "indicator.par_index": ["phân tích kết quả Chỉ số PAR INDEX {of}", "cải thiện thứ hạng Chỉ số CCHC {of}"],
    "indicator.sipas": ["tuyên truyền về Chỉ số hài lòng (SIPAS)", "đo lường sự hài lòng của người dân, tổ chức"],
    "indicator.papi": ["giới thiệu Chỉ số PAPI và những điều người dân được hỏi"],
    "indicator.pci": ["phổ biến kết quả Chỉ số PCI đến cộng đồng doanh nghiệp"],
    "indicator.ddci": ["triển khai đánh giá Chỉ số DDCI"],
    "indicator.ict_index": ["nâng cao thứ hạng ICT Index {of}"],
    "indicator.dti": ["cải thiện Chỉ số DTI {of}"],
    "content.the_che": ["phổ biến các nội dung cải cách thể chế",
                        "giới thiệu văn bản quy phạm pháp luật mới ban hành"],
    "content.tthc": ["tuyên truyền về cải cách thủ tục hành chính", "phổ biến các TTHC mới được chuẩn hóa"],
    "content.bo_may": ["thông tin về việc sắp xếp tổ chức bộ máy", "giải thích lộ trình tinh giản biên chế"],
    "content.cong_vu": ["nâng cao đạo đức công vụ của đội ngũ công chức",
                        "siết chặt kỷ luật kỷ cương hành chính"],
    "content.tai_chinh_cong": ["giới thiệu nội dung cải cách tài chính công",
                               "thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp"],
    "content.chinh_phu_so": ["góp phần xây dựng chính quyền số",
                             "thúc đẩy chuyển đổi số trong cơ quan nhà nước"],
    "content.mot_cua": ["thực hiện cơ chế một cửa, một cửa liên thông",
                        "nâng cao chất lượng phục vụ tại Bộ phận tiếp nhận và trả kết quả"],
    "deliverable.tin_bai": ["viết tin bài phản ánh kết quả thực hiện", "đăng bài viết về gương điển hình"],
    "deliverable.chuyen_muc": ["duy trì chuyên mục về cải cách hành chính", "mở chuyên trang riêng"],
    "deliverable.phong_su": ["thực hiện phóng sự về mô hình hay", "sản xuất clip ngắn hướng dẫn người dân"],
    "deliverable.bao_cao": ["gửi báo cáo định kỳ về kết quả thực hiện",
                            "báo cáo 6 tháng, năm về kết quả thực hiện"],
    "deliverable.khao_sat": ["khảo sát ý kiến người dân tại nơi giải quyết hồ sơ", "tổ chức điều tra xã hội học"],
}

# Connecting text (names no concept): a sentence is opener + action + object + purpose.
OPENERS = ["Các cơ quan, đơn vị", "Cán bộ, công chức, viên chức", "Người đứng đầu các cơ quan",
           "Các tổ chức đoàn thể", "Trưởng thôn, tổ trưởng tổ dân phố", "Đội ngũ cộng tác viên",
           "Công chức phụ trách từng lĩnh vực", "Mỗi cơ quan, đơn vị", "Ban Chỉ đạo", "Các thành viên Tổ giúp việc"]
ACTIONS = ["chủ động nắm bắt", "thường xuyên rà soát", "kịp thời phản ánh", "nghiêm túc quán triệt",
           "tích cực phổ biến", "đôn đốc, nhắc nhở nhau thực hiện", "theo dõi sát", "lồng ghép trong công việc",
           "hướng dẫn cụ thể", "phân công rõ người, rõ việc đối với"]
OBJECTS = ["các mục tiêu, nhiệm vụ trọng tâm của năm {year}", "những khó khăn, vướng mắc của người dân, doanh nghiệp",
           "quy trình tiếp nhận và giải quyết hồ sơ", "ý kiến góp ý của Nhân dân",
           "kết quả thực hiện từng quý", "các chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
           "những cách làm hay, mô hình hiệu quả", "trách nhiệm của từng tập thể, cá nhân",
           "kỹ năng giao tiếp, ứng xử văn minh nơi công sở", "các nhiệm vụ được phân công trong Kế hoạch"]
PURPOSES = ["nhằm tạo sự đồng thuận trong xã hội", "góp phần xây dựng nền hành chính phục vụ",
            "để người dân hiểu và cùng tham gia", "bảo đảm đúng tiến độ đề ra", "gắn với phong trào thi đua của địa phương",
            "phù hợp với điều kiện thực tế của {own}", "tránh hình thức, lãng phí",
            "trên tinh thần lấy người dân làm trung tâm", "hướng tới sự chuyên nghiệp, minh bạch",
            "qua đó củng cố niềm tin của Nhân dân"]
# Concept phrases become tasks with a tail naming no concept.
TAILS = ["", " trong năm {year}", " theo chỉ đạo của cấp trên", " thường xuyên, liên tục", " bảo đảm hiệu quả, thiết thực",
         " với nội dung ngắn gọn, dễ hiểu", " phù hợp với từng nhóm đối tượng"]
# The realistic mode's details (names no concept): how much, where and by when, each plan its own.
DETAILS = ["ở {k} điểm dân cư thuộc địa bàn {own}", "trước ngày {day}/{month}/{year}",
           "với sự tham gia của khoảng {n} người", "tại khu dân cư {place}", "trong {k} tuần đầu của năm {year}",
           "tại {k} điểm, trong đó có khu dân cư {place}", "theo lịch của {own} từ ngày {day}/{month}"]
PURPOSE_HEADS = ["Nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân về vai trò của cải cách hành chính",
                 "Tạo chuyển biến rõ nét trong hoạt động công vụ ở {own}",
                 "Góp phần hoàn thành các mục tiêu cải cách hành chính năm {year} của {own}",
                 "Khơi dậy tinh thần trách nhiệm, chủ động của từng cơ quan, đơn vị"]
REQUIREMENT_HEADS = ["Tuyên truyền đúng định hướng, kịp thời, có trọng tâm, trọng điểm",
                     "Nội dung tuyên truyền ngắn gọn, dễ hiểu, phù hợp với từng nhóm đối tượng",
                     "Gắn trách nhiệm của người đứng đầu với kết quả tuyên truyền",
                     "Huy động sự tham gia của cả hệ thống chính trị ở {own}"]

SYLLABLES = ["Lam", "Khê", "Phù", "Trúc", "Vân", "Quế", "Tường", "Lạc", "Ngàn", "Sương", "Mai", "Đằng", "Hạc",
             "Thạch", "Nhạn", "Liễu", "Diệp", "Hồ", "Vĩ", "Uyên", "Tùng", "Lữ", "Mạc", "Bích", "Dao", "Cẩm",
             "Thụy", "Khải", "Nguyệt", "Kỳ", "Lăng", "Vọng", "Quỳnh", "Hiên", "Thuận", "Trạch", "Ổ", "Dực"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quang", "Ngọc", "Hữu", "Thu", "Kim"]
GIVENS = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hằng", "Khoa", "Lan", "Long", "Nam", "Phúc",
          "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến"]
DEPARTMENTS = [("Sở Nội vụ", "SNV"), ("Sở Tư pháp", "STP"), ("Sở Tài chính", "STC"), ("Sở Xây dựng", "SXD"),
               ("Sở Y tế", "SYT"), ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Khoa học và Công nghệ", "SKHCN"),
               ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"), ("Sở Nông nghiệp và Môi trường", "SNNMT")]
OWN_OFFICES = {
    "tinh": ["Văn phòng Ủy ban nhân dân tỉnh", "Ban Dân tộc tỉnh"],
    "so": ["Văn phòng Sở", "Các phòng chuyên môn thuộc Sở", "Thanh tra Sở"],
    "huyen": ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Văn phòng HĐND và UBND"],
    "xa": ["Công chức Văn phòng - Thống kê", "Công chức Văn hóa - Xã hội", "Trưởng các thôn, tổ dân phố"],
}
LEVEL_UNITS = {  # how a parent addresses every body of a level
    "so": ["Các sở, ban, ngành tỉnh", "Các sở, ban, ngành"],
    "huyen": ["Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND các huyện, thành phố"],
    "xa": ["Ủy ban nhân dân các xã, phường, thị trấn", "UBND các xã, phường", "Ủy ban nhân dân các xã, thị trấn"],
}
CHILD_LEVELS = {"tinh": ["so", "huyen", "xa"], "huyen": ["xa"], "so": [], "xa": []}

# --- the hierarchy --------------------------------------------------------------------------------


@dataclass
class Task:
    text: str
    concepts: list[str]
    unit: str  # the unit's name as written
    addresses: tuple[str, str]  # ("level", "xa") or ("name", "Sở Nội vụ") or ("own", "")
    line: int = 0


@dataclass
class Node:
    """One plan: its issuer, its place in the hierarchy, what it covers and what it assigns."""

    level: str
    kind: str  # "tỉnh", "huyện", "thành phố", "xã", "phường", "thị trấn", or the department's name
    name: str  # the place name, or the department's name
    province: str
    year: int
    date: dt.date
    number: int
    symbol: str
    parent: Node | None = None
    path: str = ""
    covers: set[str] = field(default_factory=set)
    tasks: list[Task] = field(default_factory=list)
    wrong_citation_date: bool = False
    realistic: bool = False  # connecting text as varied as a real archive's (`--realistic`)

    @property
    def issuer(self) -> str:
        return self.name if self.level == "so" else f"Ủy ban nhân dân {self.kind} {self.name}"

    @property
    def own(self) -> str:
        return f"tỉnh {self.province}" if self.level == "so" else f"{self.kind} {self.name}"

    @property
    def reference(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


class Names:
    """Place names unique within one corpus: two syllables, three once two-syllable names run short
    (a national corpus needs more names than pairs of syllables give), four once three-syllable
    names do too (100,000 plans need more names than the 50,616 of three syllables)."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def new(self) -> str:
        tries = 0
        while True:
            tries += 1
            name = " ".join(self.rng.sample(SYLLABLES, 2 if tries <= 50 else 3 if tries <= 100 else 4))
            if name not in self.used:
                self.used.add(name)
                return name


def build_hierarchy(total: int, rng: random.Random) -> list[Node]:
    """Plans, parents before children, province after province, until `total`."""
    names = Names(rng)
    nodes: list[Node] = []
    province_index = 0
    while len(nodes) < total:
        year = 2024 if province_index % 2 == 0 else 2025
        province_index += 1
        nodes.extend(_province(year, names, rng))
    return nodes[:total]


def _province(year: int, names: Names, rng: random.Random) -> list[Node]:
    province = names.new()
    start = dt.date(2024, 1, 5) if year == 2024 else dt.date(2025, 7, 8)
    tinh = Node("tinh", "tỉnh", province, province, year, start + dt.timedelta(rng.randint(0, 12)),
                rng.randint(100, 320), "KH-UBND")
    nodes = [tinh]
    for dept, code in rng.sample(DEPARTMENTS, rng.randint(5, 7)):
        nodes.append(_child(tinh, "so", dept, dept, f"KH-{code}", rng))
    if year == 2024:
        for _ in range(rng.randint(7, 10)):
            kind = rng.choice(["huyện", "huyện", "huyện", "thị xã", "thành phố"])
            huyen = _child(tinh, "huyen", kind, names.new(), "KH-UBND", rng)
            nodes.append(huyen)
            for _ in range(rng.randint(9, 14)):
                nodes.append(_child(huyen, "xa", rng.choice(["xã", "xã", "xã", "phường", "thị trấn"]),
                                    names.new(), "KH-UBND", rng))
    else:
        for _ in range(rng.randint(80, 100)):
            nodes.append(_child(tinh, "xa", rng.choice(["xã", "xã", "phường"]), names.new(), "KH-UBND", rng))
    return nodes


def _child(parent: Node, level: str, kind: str, name: str, symbol: str, rng: random.Random) -> Node:
    date = parent.date + dt.timedelta(rng.randint(4, 20))
    return Node(level, kind, name, parent.province, parent.year, date, rng.randint(1, 95), symbol, parent=parent,
                wrong_citation_date=rng.random() < 0.03)


# --- what each plan covers and assigns ------------------------------------------------------------


def plan_concepts(nodes: list[Node], rng: random.Random) -> None:
    """Each plan covers most of what its parent assigned it (dropping some at random), plus some
    concepts of its own; then it assigns tasks to its own offices and to the levels below."""
    everything = sorted(CONCEPT_PHRASES)
    for node in nodes:
        inherited = assigned_to(node)
        kept = {c for c in inherited if rng.random() > 0.2}
        extra = set(rng.sample(everything, rng.randint(4, 10)))
        node.covers = kept | extra
        node.tasks = _tasks(node, rng)


def assigned_to(node: Node) -> dict[str, int]:
    """The concepts the parent assigned to `node` with the parent's first line naming each."""
    if node.parent is None:
        return {}
    found: dict[str, int] = {}
    for task in node.parent.tasks:
        kind, value = task.addresses
        if (kind == "level" and value == node.level) or (kind == "name" and value == node.issuer):
            for concept in task.concepts:
                found[concept] = min(found.get(concept, task.line), task.line)
    return found


def _tasks(node: Node, rng: random.Random) -> list[Task]:
    covers = sorted(node.covers)
    units: list[tuple[str, tuple[str, str]]] = [(name, ("own", "")) for name in OWN_OFFICES[node.level]]
    if node.level == "tinh":
        depts = rng.sample(DEPARTMENTS, 3)
        units = units[:1] + [(d, ("name", d)) for d, _ in depts] + units[1:]
    for level in CHILD_LEVELS[node.level]:
        if node.year == 2025 and level == "huyen":
            continue
        names = LEVEL_UNITS[level]
        if node.level == "huyen":
            names = ["Ủy ban nhân dân các xã, thị trấn", "UBND các xã, thị trấn"]
        units.append((rng.choice(names), ("level", level)))
    tasks = []
    for unit, addresses in units:
        for _ in range(rng.randint(3, 6) if addresses[0] == "level" else rng.randint(1, 3)):
            picked = rng.sample(covers, rng.choice([1, 1, 2])) if covers and rng.random() < 0.85 else []
            tasks.append(Task(_task_text(picked, node, rng), picked, unit, addresses))
    return tasks


def _task_text(concepts: list[str], node: Node, rng: random.Random) -> str:
    if not concepts:
        return _filler(node, rng)  # in the realistic mode with its own figures, places and dates
    parts = [phrase(c, node, rng) for c in concepts]
    return _cap("; ".join(parts) + rng.choice(TAILS).format(year=node.year)) + "."


def phrase(concept: str, node: Node, rng: random.Random) -> str:
    """One phrasing of `concept`, now and then with old tone placement or decomposed Unicode."""
    text = rng.choice(CONCEPT_PHRASES[concept]).format(of=f"của {node.own}")
    roll = rng.random()
    if roll < 0.08:
        text = text.replace("òa", "oà").replace("óa", "oá").replace("ủy", "uỷ")
    elif roll < 0.12:
        text = unicodedata.normalize("NFD", text)
    return text


def _filler(node: Node, rng: random.Random, detailed: bool = True) -> str:
    fill = {"year": node.year, "own": node.own}
    parts = [rng.choice(OPENERS), rng.choice(ACTIONS), rng.choice(OBJECTS).format(**fill),
             rng.choice(PURPOSES).format(**fill)]
    if node.realistic and detailed:  # a plan's own figures, places and dates: few of its sentences recur elsewhere
        parts[-1:-1] = [_detail(node, rng)]
    return " ".join(parts) + "."


def _detail(node: Node, rng: random.Random) -> str:
    return rng.choice(DETAILS).format(year=node.year, own=node.own, k=rng.randint(2, 60), n=rng.randint(30, 900),
                                      day=rng.randint(1, 28), month=rng.randint(1, 12),
                                      place=" ".join(rng.sample(SYLLABLES, 2)))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- writing a plan -------------------------------------------------------------------------------


class Page:
    """The lines of one plan file, in one of three layouts (Markdown, text, portal copy)."""

    def __init__(self, style: str, spaced: bool):
        self.style, self.spaced, self.lines = style, spaced, []

    def add(self, text: str = "") -> int:
        """Add a line; returns its 1-based number."""
        self.lines.append(text)
        return len(self.lines)

    def para(self, text: str) -> int:
        number = self.add(text)
        if self.spaced:
            self.add()
        return number

    def heading(self, text: str, depth: int) -> int:
        prefix = "#" * (depth + 3) + " " if self.style == "md" else ""
        return self.para(prefix + text)



ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def render(node: Node, rng: random.Random) -> tuple[str, str]:
    """The plan's text and its file suffix."""
    style = rng.choice(["md", "txt", "portal"])
    spaced = style == "md" or rng.random() < 0.6
    target = rng.randint(15_600, 24_400)
    sections = _body_sections(node, rng)
    # Connecting text grows the plan to its size, in the purpose, content and timing sections.
    room = target - len(_page(node, style, spaced, sections, rng).encode())
    growable = [items for _, items, grows in sections if grows]
    while room > 0:
        text = _filler(node, rng)
        rng.choice(growable).append(text)
        room -= len(text.encode()) + (5 if spaced else 4)
    return _page(node, style, spaced, sections, rng), ".md" if style == "md" else ".txt"


def _page(node: Node, style: str, spaced: bool, sections: list[tuple[str, list[str], bool]],
          rng: random.Random) -> str:
    page = Page(style, spaced)
    _header(page, node)
    _preamble(page, node, rng)
    for number, (title, items, _) in enumerate(sections):
        page.heading(f"{ROMAN[number]}. {title}", 0)
        for index, item in enumerate(items, 1):
            page.para(f"{index}. {item}" if title.startswith(("NỘI DUNG", "HÌNH THỨC")) else f"- {item}")
    _organisation(page, node, len(sections), rng)
    _closing(page, node, rng)
    return "\n".join(page.lines) + "\n"


def _header(page: Page, node: Node) -> None:
    if node.level == "so":
        top, issuer = f"UBND TỈNH {node.province.upper()}", node.name.upper()
    else:
        top, issuer = "ỦY BAN NHÂN DÂN", f"{node.kind} {node.name}".upper()
    place = node.parent.province if node.level == "so" else node.name
    if node.level == "tinh":
        place = node.name
    date_line = f"{place}, ngày {node.date.day:02d} tháng {node.date.month:02d} năm {node.date.year}"
    if page.style == "portal":
        page.add(f"{top} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        page.add(f"{issuer} | Độc lập - Tự do - Hạnh phúc")
        page.add(f"Số: {node.reference} | {date_line}")
        page.add()
    else:
        for text in (top, issuer, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                     f"Số: {node.reference}", "", date_line, ""):
            page.add(text)
    title = f"Tuyên truyền cải cách hành chính năm {node.year}"
    title += f" của {node.name}" if node.level == "so" else f" trên địa bàn {node.own}"
    if page.style == "md":
        page.add("## KẾ HOẠCH")
        page.add()
        page.add(f"### {title}")
    else:
        page.add("KẾ HOẠCH")
        page.add(title)
    page.add()


def _preamble(page: Page, node: Node, rng: random.Random) -> None:
    if node.parent is None:
        page.para("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
                  "cải cách hành chính nhà nước giai đoạn 2021 - 2030;")
    else:
        parent = node.parent
        date = parent.date + dt.timedelta(days=rng.choice([-3, -1, 1, 2, 5])) if node.wrong_citation_date else parent.date
        page.para(f"Thực hiện Kế hoạch số {parent.reference} ngày {date.day:02d}/{date.month:02d}/{date.year} "
                  f"của {parent.issuer} về tuyên truyền cải cách hành chính năm {node.year};")
    page.para(f"{node.issuer} ban hành Kế hoạch tuyên truyền cải cách hành chính năm {node.year} như sau:")


def _body_sections(node: Node, rng: random.Random) -> list[tuple[str, list[str], bool]]:
    """(title, items, grows with connecting text) for sections I to IV; the concepts the plan
    covers are spread over content and forms, the ones its tasks name come again in section V."""
    fill = {"year": node.year, "own": node.own}
    purpose = [h.format(**fill) + "." for h in rng.sample(PURPOSE_HEADS, 2)]
    requirement = [h.format(**fill) + "." for h in rng.sample(REQUIREMENT_HEADS, 2)]
    channels = [c for c in sorted(node.covers) if c.startswith("channel.")]
    others = [c for c in sorted(node.covers) if not c.startswith("channel.")]
    content = [_cap(phrase(c, node, rng)) + rng.choice(TAILS).format(year=node.year) + "." for c in others]
    forms = [_cap(phrase(c, node, rng)) + rng.choice(TAILS).format(year=node.year) + "." for c in channels]
    rng.shuffle(content)
    rng.shuffle(forms)
    timing = [f"Kế hoạch được triển khai từ ngày ký đến hết ngày 31/12/{node.year}."]
    return [("MỤC ĐÍCH, YÊU CẦU", purpose + requirement, True), ("NỘI DUNG TUYÊN TRUYỀN", content, True),
            ("HÌNH THỨC TUYÊN TRUYỀN", forms, False), ("THỜI GIAN THỰC HIỆN", timing, True)]


def _organisation(page: Page, node: Node, done: int, rng: random.Random) -> None:
    page.heading(f"{ROMAN[done]}. TỔ CHỨC THỰC HIỆN", 0)
    order: list[str] = []
    for task in node.tasks:
        if task.unit not in order:
            order.append(task.unit)
    deadline = node.date + dt.timedelta(days=30)
    for number, unit in enumerate(order, 1):
        page.heading(f"{number}. {unit}", 1)
        for task in (t for t in node.tasks if t.unit == unit):
            task.line = page.para(f"- {task.text}")
        if any(t.unit == unit and t.addresses[0] == "level" for t in node.tasks):
            page.para(f"- Xây dựng và ban hành kế hoạch tuyên truyền cải cách hành chính năm {node.year} của "
                      f"địa phương, đơn vị trước ngày {deadline.day:02d}/{deadline.month:02d}/{deadline.year}.")
    page.heading(f"{len(order) + 1}. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam {node.own}", 1)
    page.para(_filler(node, rng))


def _closing(page: Page, node: Node, rng: random.Random) -> None:
    page.para(f"Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm {node.year} của {node.own}. "
              "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời "
              "để được hướng dẫn./.")
    page.add("**Nơi nhận:**" if page.style == "md" else "Nơi nhận:")
    recipients = [f"{node.parent.issuer};" if node.parent else "Bộ Nội vụ;", "Các cơ quan, đơn vị liên quan;",
                  "Báo và Đài Phát thanh - Truyền hình tỉnh;", "Lưu: VT."]
    for text in recipients:
        page.add(f"- {text}")
    page.add()
    authority = "TM. ỦY BAN NHÂN DÂN" if node.level != "so" else "KT. GIÁM ĐỐC"
    position = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if node.level != "so" else ["PHÓ GIÁM ĐỐC"]
    for text in [authority, *position]:
        page.add(f"**{text}**" if page.style == "md" else text)
    page.add()
    page.add(f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}")
    page.add()
    rows = [t for t in node.tasks if t.concepts][:8]
    if not rows:
        return
    page.add("**PHỤ LỤC**" if page.style == "md" else "PHỤ LỤC")
    page.add(f"NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM {node.year}")
    page.add(f"(Kèm theo Kế hoạch số {node.reference} ngày {node.date.day:02d}/{node.date.month:02d}/{node.date.year} "
             f"của {node.issuer})")
    page.add()
    page.add("STT\tNỘI DUNG\tSẢN PHẨM\tCƠ QUAN CHỦ TRÌ\tCƠ QUAN PHỐI HỢP\tTHỜI GIAN THỰC HIỆN")
    for index, task in enumerate(rows, 1):
        line = page.add(f"{index}\t{task.text.rstrip('.')}\tKết quả thực hiện\t{task.unit}\tCác cơ quan, đơn vị\t"
                        f"Năm {node.year}")
        if task.line == 0:
            task.line = line


# --- the corpus -----------------------------------------------------------------------------------


def file_name(node: Node, index: int, suffix: str) -> str:
    """<year>/<province>/<index>-<level>-<unit><suffix>: one folder per province, parents first."""
    unit = _ascii(node.name if node.level == "so" else node.own)
    return f"{node.year}/{_ascii(node.province)}/{index:05d}-{node.level}-{unit}{suffix}"


def generate(out: Path, total: int, seed: int, realistic: bool = False) -> dict:
    """Write `total` plans under `out` and `out/manifest.json`; returns the manifest. `realistic`:
    connecting text with each plan's own figures, places and dates, so that lines recur across the
    corpus about as often as in a real archive (`repeated_share` under 30%; the default mode's is
    over half: its connecting sentences come from a few hundred)."""
    rng = random.Random(seed)
    nodes = build_hierarchy(total, rng)
    for node in nodes:
        node.realistic = realistic
    plan_concepts(nodes, rng)
    entries = []
    for index, node in enumerate(nodes):  # parents come first, so their task lines are known
        text, suffix = render(node, rng)
        node.path = file_name(node, index, suffix)
        target = out / node.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        entries.append(_entry(node))
    manifest = {"seed": seed, "realistic": realistic, "plans": entries}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def repeated_share(folder: Path) -> float:
    """The share of the corpus's non-blank lines that repeat a line seen before (in any plan)."""
    seen, total = set(), 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".md", ".txt"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    seen.add(line.strip())
                    total += 1
    return 1 - len(seen) / total if total else 0.0


def _entry(node: Node) -> dict:
    assigned = assigned_to(node)
    return {
        "path": node.path, "level": node.level, "issuer": node.issuer, "date": node.date.isoformat(),
        "parent": node.parent.path if node.parent else None,
        "assigned": {c: assigned[c] for c in sorted(assigned)},
        "covers": sorted(node.covers),
        "lacks": {c: assigned[c] for c in sorted(set(assigned) - node.covers)},
        "wrong_citation_date": node.wrong_citation_date,
    }


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d")).encode("ascii", "ignore").decode()
    return "-".join(plain.lower().replace(",", "").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (created; generated files there are replaced)")
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--realistic", action="store_true",
                        help="connecting text as varied as a real archive's: under 30%% of lines repeat an earlier one")
    args = parser.parse_args()
    manifest = generate(args.out, args.plans, args.seed, args.realistic)
    lacking = sum(len(p["lacks"]) for p in manifest["plans"])
    print(f"{len(manifest['plans'])} plans in {args.out}, {lacking} missing inherited concepts (manifest.json)")


if __name__ == "__main__":
    main()
