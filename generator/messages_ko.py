"""The Korean catalogue of messages for the writer (see `messages`).

The same keys and placeholders as `messages_en`; field names, YAML and values stay as the
writer typed them, the sentence around them is Korean.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # Counts and levels
    "count.problem": "문제 {count}개",
    "count.problems": "문제 {count}개",
    "count.clip_failed": "결과물 {count}개를 처리하지 못해 사이트를 게시하지 않았습니다",
    "count.clips_failed": "결과물 {count}개를 처리하지 못해 사이트를 게시하지 않았습니다",
    "severity.warning": "경고",
    # Reading YAML
    "yaml.empty": "파일이 비어 있습니다",
    "yaml.too_deep": "중첩이 너무 깊습니다 ({levels}단계 초과)",
    "yaml.not_utf8": "UTF-8 텍스트가 아닙니다. UTF-8로 저장하세요",
    "yaml.control_character": "제어 문자 {code}은(는) YAML에 쓸 수 없습니다. 지우세요",
    "yaml.anchor": "앵커와 별칭(&, *)은 쓸 수 없습니다. 값을 그대로 적으세요",
    "yaml.second_document": "두 번째 문서(---)는 쓸 수 없습니다. 한 파일에 체험기 하나입니다",
    "yaml.tab": "여기에는 탭 문자를 쓸 수 없습니다. 들여쓰기는 공백으로 하세요",
    "yaml.tag": "태그 {tag}은(는) 쓸 수 없습니다. 지우세요",
    "yaml.not_a_date": "{value}은(는) 있는 날짜나 시각이 아닙니다. 월, 일, 시를 확인하세요",
    "yaml.colon_in_value": (
        "값 안에 ': '가 있으면 따옴표로 감싸세요(또는 | 블록으로 쓰세요). 이 줄이 키라면 "
        "위의 키들과 들여쓰기를 맞추세요"
    ),
    "yaml.unclosed_quote": (
        "{start}행에서 시작한 따옴표 값이 끝나지 않았습니다 — 닫는 따옴표가 없습니다. "
        "저장 중이던 파일인가요?"
    ),
    "yaml.unfinished": (
        "{start}행에서 시작한 값이 끝나기 전에 파일이 끝났습니다 — 저장 중이던 파일인가요?"
    ),
    "yaml.unclosed_bracket": (
        "{start}행에서 시작한 괄호 목록이 닫히지 않았습니다. ] 또는 }}을(를) 더하거나, ': '가 "
        "든 값을 따옴표로 감싸세요"
    ),
    "yaml.no_colon": (
        "{start}행은 `키: 값`도 아니고 위 값의 이어짐도 아닙니다. 키 뒤에 ': '를 쓰거나, "
        "이어지는 값이라면 들여 쓰세요"
    ),
    "yaml.indentation": (
        "이 줄의 들여쓰기가 위의 키들과 맞지 않습니다. 같은 단계의 키만큼 공백으로 들여 "
        "쓰세요(목록 항목은 '- '로 시작)"
    ),
    "yaml.cannot_start": "값은 {char}(으)로 시작할 수 없습니다. 값 전체를 따옴표로 감싸세요",
    "yaml.escape": (
        "큰따옴표 안의 역슬래시는 이스케이프입니다. 작은따옴표로 감싸거나 따옴표 없이 쓰세요"
    ),
    "yaml.syntax": "YAML로 읽을 수 없습니다 (파서: {detail})",
    "yaml.key_not_plain": "키는 평범한 텍스트여야 합니다",
    "yaml.key_not_text": "키 {name}이(가) 텍스트가 아닙니다. 따옴표로 감싸세요",
    "yaml.duplicate_key": "키 {name}이(가) 두 번 있습니다(처음은 {first}행). 하나만 남기세요",
    "yaml.surrogate": (
        "{code}은(는) UTF-16 서로게이트 쌍의 절반일 뿐 문자가 아닙니다. 문자 자체를 쓰세요"
        "(또는 \\U와 여덟 자리 코드 포인트)"
    ),
    "yaml.boolean": (
        "{text}은(는) {read}(으)로 읽힙니다(YAML 1.1). 텍스트라면 {quoted}(으)로, 아니면 "
        "true/false로 쓰세요"
    ),
    "yaml.too_many_digits": "{digits:,}자리 숫자는 너무 깁니다(최대 {most}자리)",
    "yaml.too_large": "{text}은(는) 쓸 수 없을 만큼 큰 수입니다",
    "yaml.octal": "{text}은(는) 8진수 {number}(으)로 읽힙니다. {quoted}(으)로 쓰세요",
    "yaml.base60": "{text}은(는) 60진수로 읽힙니다. {quoted}(으)로 쓰세요(대기 시간이라면 1h30m)",
    "yaml.cut_comment": (
        "' #'는 주석의 시작이라 이 값은 {text}에서 끊깁니다. 값 전체를 따옴표로 감싸거나 "
        "| 블록으로 쓰세요"
    ),
    # Fields (pydantic's error types)
    "field.missing": "꼭 있어야 하는데 없습니다",
    "field.unknown": "알 수 없는 필드 {name}입니다",
    "field.unknown_near": "알 수 없는 필드 {name}입니다({near}을(를) 쓰려던 건가요?)",
    "field.not_text": "텍스트여야 합니다(지금은 {got})",
    "field.not_text_quote": "텍스트여야 합니다(지금은 {got}). 따옴표로 감싸세요: {quoted}",
    "field.one_of": "{expected} 중 하나여야 합니다(지금은 {got})",
    "field.one_of_literal": "{expected} 중 하나여야 합니다(지금은 {got})",
    "field.pattern": "{got}은(는) 여기에 쓸 수 없습니다: {hint}",
    "field.bool": "true나 false여야 합니다(지금은 {got})",
    "field.whole_number": "정수여야 합니다(지금은 {got})",
    "field.number": "숫자여야 합니다(지금은 {got})",
    "field.finite": "유한한 숫자여야 합니다(지금은 {got})",
    "field.list": "목록이어야 합니다(지금은 {got})",
    "field.mapping": "필드의 매핑이어야 합니다(지금은 {got})",
    "field.empty": "비어 있으면 안 됩니다",
    "field.too_long": "너무 깁니다. 최대 {max_length}자입니다",
    "field.too_many": "항목이 너무 많습니다. 최대 {max_length}개입니다",
    "field.at_least": "{ge} 이상이어야 합니다(지금은 {got})",
    "field.more_than": "{gt}보다 커야 합니다(지금은 {got})",
    "field.at_most": "{le} 이하여야 합니다(지금은 {got})",
    "field.less_than": "{lt}보다 작아야 합니다(지금은 {got})",
    "field.invalid": "올바른 값이 아닙니다: {detail}",
    "kind.bool": "true/false",
    "kind.number": "숫자 {value}",
    "kind.date": "날짜",
    "kind.list": "목록",
    "kind.mapping": "매핑",
    "kind.text": "텍스트 {value}",
    "kind.nothing": "빈 값",
    "kind.other": "{name}",
    "hint.key": "영문 소문자, 숫자, -만 쓰세요",
    "hint.key_underscore": "영문 소문자, 숫자, -, _만 쓰세요",
    "hint.sha256": "SHA-256은 16진수 소문자(0-9, a-f) 64자리입니다",
    "hint.language_code": "ko, en, zh-Hant 같은 언어 코드를 쓰세요",
    "shape.clips": (
        "결과물 목록이어야 합니다(지금은 {got}). 각 항목은 파일이나 URL입니다:\n"
        "  clips:\n    - file: media/clip.mp4\n    - url: https://example.com/clip.mp4"
    ),
    "shape.cost": (
        "금액과 단위여야 합니다(지금은 {got}). 이렇게 쓰세요:\n  cost: {{amount: 10, unit: "
        "credits}}"
    ),
    "shape.ratings": (
        "기준마다 정수 점수를 적어야 합니다(지금은 {got}). 이렇게 쓰세요:\n"
        "  ratings: {{quality: 4, lighting: 5}}"
    ),
    "shape.tags": (
        "태그 목록이어야 합니다(지금은 {got}). 이렇게 쓰세요:\n  tags: [text-to-video, slow-motion]"
    ),
    "shape.changes": (
        "날짜가 붙은 변경의 목록이어야 합니다(지금은 {got}). 이렇게 쓰세요:\n"
        "  changes:\n    - date: 2025-04-01\n      note: video now paid only"
    ),
    "shape.label": (
        "언어별 이름이어야 합니다(지금은 {got}). 이렇게 쓰세요:\n  label: {{ko: 조명, en: "
        "Lighting}}"
    ),
    # Times and durations
    "time.date_only": "날짜만으로는 부족합니다. {example}처럼 시각과 UTC 오프셋을 더하세요",
    "time.no_offset": (
        "UTC 오프셋이 없습니다. {example}처럼 쓰거나, mkdocs.yml에 extra.magazine.timezone을 "
        "정해 이런 시각을 매거진의 시간대로 읽게 하세요"
    ),
    "time.not_a_time": "2025-01-03T10:00:00+09:00 같은 날짜와 시각이어야 합니다(지금은 {got})",
    "time.not_a_date": "2025-04-01 같은 날짜여야 합니다(지금은 {got})",
    "duration.unit_missing": "숫자에 단위를 붙이세요. 3h, 90m, 2d, 3시간처럼",
    "duration.not_a_duration": "3h, 90m, 2d, 3시간 같은 시간 길이여야 합니다",
    "duration.unreadable": (
        "{text}을(를) 시간 길이로 읽을 수 없습니다. 3h, 90m, 2d, 1h30m, 3 hours, 3시간, "
        "약 3시간처럼 숫자와 단위를 쓰세요"
    ),
    "duration.too_long": "{text}은(는) 10년보다 깁니다. 숫자와 단위를 확인하세요",
    "duration.not_positive": "시간 길이는 0보다 길어야 합니다(지금은 {text})",
    # Entry fields
    "clip.one_source": "결과물마다 `file`과 `url` 중 정확히 하나를 쓰세요",
    "cost.not_a_number": "0, 10, 0.5 같은 숫자여야 합니다",
    "cost.too_large": "비용으로는 너무 큽니다({ceiling:,}보다 작게 쓰세요)",
    "cost.places": "소수점 아래는 {places}자리까지만 쓰세요",
    "rating.not_whole": "정수여야 합니다(지금은 {got})",
    "kind.single": "값 하나",
    # Addresses
    "url.space": "URL에는 공백이나 제어 문자를 쓸 수 없습니다",
    "url.no_scheme": "https:// URL이어야 합니다(지금은 스킴이 없음)",
    "url.scheme": "https:// URL이어야 합니다(지금은 {got})",
    "url.character": "URL에는 {char}을(를) 쓸 수 없습니다. 퍼센트 인코딩하세요({code})",
    "url.non_ascii": (
        "URL에는 {char}을(를) 쓸 수 없습니다. 퍼센트 인코딩하고, 호스트 이름은 퓨니코드(xn--...)로 "
        "쓰세요"
    ),
    "url.percent": "% 뒤에 16진수 두 자리가 없습니다(퍼센트 기호는 %25로 쓰세요)",
    "url.invalid": "올바른 URL이 아닙니다(괄호나 포트가 잘못됨)",
    "url.no_host": "호스트 이름이 없습니다",
    "url.credentials": (
        "사용자 이름이나 비밀번호(user:password@)를 넣으면 안 됩니다. 모든 페이지에 게시됩니다"
    ),
    "url.bad_host": "올바른 호스트 이름이 없습니다(영문, 숫자, 하이픈, 점 또는 [IPv6])",
    "url.brackets": "URL의 호스트 뒤에는 '['나 ']'를 쓸 수 없습니다. 퍼센트 인코딩하세요",
    "url.http": (
        "http://는 쓸 수 없습니다. https://를 쓰거나 extra.magazine.allow_http: true로 정하세요"
    ),
    "url.query": (
        "쿼리 문자열(?...)이나 프래그먼트(#...)를 넣으면 안 됩니다. 뒤에 페이지 경로가 붙습니다"
    ),
    # mkdocs.yml and settings
    "usage.no_config": "매거진 폴더가 아닙니다: {root}에 mkdocs.yml이 없습니다(--root를 쓰세요)",
    "usage.site_url": (
        "--site-url: {reason}. https://user.github.io/repo/ 같은 사이트 주소를 주세요"
    ),
    "config.not_a_mapping": "mkdocs.yml은 설정의 매핑이어야 합니다",
    "config.section_mapping": "설정의 매핑이어야 합니다",
    "config.from_top": "extra.magazine.{key} 대신 mkdocs.yml의 {where}을(를) 정하세요",
    "config.through_inherit": "{reason} (INHERIT나 !ENV를 거쳐 읽은 값)",
    "settings.timezone": "알 수 없는 시간대 {name}입니다(Asia/Seoul 같은 이름을 쓰세요)",
    "settings.cache_inside": "{value}은(는) .magazine처럼 매거진 안의 폴더여야 합니다",
    "settings.cache_overlaps": (
        "{value}이(가) {name} {other}와(과) 겹칩니다. .magazine처럼 따로 된 폴더를 쓰세요"
    ),
    # Files, folders and names
    "file.unreadable": "파일을 읽을 수 없습니다: {reason}",
    "file.folder_unreadable": "폴더를 읽을 수 없습니다: {reason}",
    "file.unforeseen": "읽을 수 없습니다: {detail}",
    "link.outside": "매거진 폴더 밖을 가리키는 링크라 읽지 않습니다(파일을 안으로 복사하세요)",
    "link.broken": "아무것도 가리키지 않는 링크(끊긴 링크나 순환)라 읽지 않습니다",
    "link.loop": "자기가 들어 있는 폴더를 가리키는 링크입니다",
    "name.forbidden": (
        "{name}에 든 {chars}은(는) Windows 파일 이름에 쓸 수 없습니다"
        '(< > : " / \\ | ? *와 제어 문자 모두 불가)'
    ),
    "name.device": (
        "{name}은(는) Windows가 장치에 쓰는 이름({devices}, 대소문자와 확장자 무관)이라 파일이나 "
        "폴더 이름으로 쓸 수 없습니다"
    ),
    "name.trailing": "{name}은(는) 점이나 공백으로 끝납니다. Windows는 파일 이름에서 이를 지웁니다",
    "name.unicode_twin": (
        "{other}와(과) 이름이 같고 유니코드 형태(조합형/완성형)만 다릅니다. 둘 중 하나만 남기세요"
    ),
    "name.file": "{reason}. 이름을 바꾸세요(이대로면 Windows에서 매거진을 복제할 수 없습니다)",
    "name.slug": (
        "페이지 주소 {slug}: {reason}. 다른 slug를 고르세요(이대로면 Windows에서 매거진을 "
        "복제하거나 빌드할 수 없습니다)"
    ),
    "name.slug_from_file": (
        "파일 이름에서 만든 페이지 주소 {slug}: {reason}. 파일 이름을 바꾸거나 slug:로 다른 "
        "주소를 정하세요(이대로면 Windows에서 매거진을 복제하거나 빌드할 수 없습니다)"
    ),
    "name.experiment": (
        "비교 페이지 주소 {slug}: {reason}. 다른 experiment 키를 고르세요(이대로면 Windows에서 "
        "매거진을 복제하거나 빌드할 수 없습니다)"
    ),
    "name.service": (
        "서비스 페이지 주소 {key}: {reason}. 다른 키를 고르세요(이대로면 Windows에서 매거진을 "
        "복제하거나 빌드할 수 없습니다)"
    ),
    "name.slug_taken": (
        "페이지 주소 {slug}을(를) {others}도 씁니다. 둘 중 하나에 다른 slug:를 정하세요"
    ),
    "name.comparison_taken": (
        "이 비교의 페이지 주소 {slug}을(를) {others}의 비교도 씁니다. - 와 _ 말고도 다른 "
        "experiment 키를 고르세요"
    ),
    # Limits
    "limit.chars": (
        "{length:,}자로 limits.{name}({limit:,})보다 깁니다. 줄이거나 mkdocs.yml의 "
        "extra.magazine.limits에서 한도를 올리세요"
    ),
    "limit.items": (
        "항목이 {count:,}개로 limits.{name}({limit:,})보다 많습니다. 줄이거나 mkdocs.yml의 "
        "extra.magazine.limits에서 한도를 올리세요"
    ),
    "limit.entry_bytes": (
        "파일이 {limit:,}바이트(limits.entry_bytes)보다 커서 읽지 않습니다. 나누거나 "
        "extra.magazine에서 한도를 올리세요"
    ),
    "time.outside_years": "{moment}은(는) {first}–{last}년 범위 밖입니다. 날짜를 확인하세요",
    "time.before_submitted": "submitted_at({submitted})보다 앞섭니다",
    # Rules between fields and files
    "status.delivered_no_clips": (
        "delivered인데 결과물이 없습니다. clips 아래에 파일이나 URL을 더하세요"
    ),
    "status.delivered_no_time": "delivered인데 delivered_at이 없습니다. 결과가 언제 도착했나요?",
    "status.pending_no_check": (
        "pending인데 checked_at이 없습니다. 마지막으로 확인한 때를 적으세요(보이는 대기 시간은 "
        "최소 checked_at − submitted_at입니다)"
    ),
    "service.unknown": "알 수 없는 서비스 {name}입니다 {hint}. entries/services.yml에 더하세요",
    "rating.unknown": "알 수 없는 평가 기준 {name}입니다 {hint}",
    "rating.range": "1부터 {scale}까지의 정수여야 합니다(지금은 {got})",
    "hint.did_you_mean": "({near}을(를) 쓰려던 건가요?)",
    "hint.known": "(있는 것: {listed})",
    "hint.none_known": "(아직 하나도 없음)",
    "registry.services_missing": (
        "없습니다: 체험기가 쓰는 서비스를 모두 적으세요(키: {{name: ..., kind: video}})"
    ),
    "registry.not_a_mapping": "{name}.yml은 키마다 필드를 적는 매핑이어야 합니다",
    "registry.key": "키에는 영문 소문자, 숫자, -, _만 쓸 수 있습니다(64자까지)",
    "registry.item_mapping": "필드의 매핑이어야 합니다(name: ..., ...)",
    "registry.key_field": "키는 위의 이름입니다. 이 줄을 지우세요",
    "entry.not_a_mapping": (
        "체험기는 필드의 매핑(title: ..., service: ...)이어야 합니다. 지금은 {got}입니다"
    ),
    # Clips
    "clip.control_character": (
        "파일 경로에는 제어 문자(NUL 등)를 쓸 수 없습니다. 큰따옴표 안의 \\t와 \\n은 "
        "이스케이프입니다: 따옴표 없이 /로 쓰세요"
    ),
    "clip.link_loop": "자기 자신으로 돌아오는 링크(심볼릭 링크 순환)입니다",
    "clip.path_too_long": "파일 시스템에 비해 경로가 너무 깁니다. 더 짧은 이름을 쓰세요",
    "clip.unreadable": "읽을 수 없습니다: {reason}",
    "clip.absolute": "절대 경로가 아니라 이 체험기 폴더에서부터의 상대 경로여야 합니다",
    "clip.unportable": (
        "{reason}. 파일 이름을 바꾸세요(이대로면 Windows에서 매거진을 복제하거나 빌드할 수 "
        "없습니다)"
    ),
    "clip.outside": "매거진 폴더 밖으로 나갑니다. 결과물은 매거진 안에 두세요",
    "clip.link_outside": "매거진 폴더 밖의 파일을 가리키는 링크입니다. 파일을 안으로 복사하세요",
    "clip.not_found": "파일이 없습니다: {shown}(경로는 이 체험기 폴더 기준입니다)",
    "clip.not_found_near": (
        "파일이 없습니다: {shown}(경로는 이 체험기 폴더 기준입니다). {nearest}을(를) 쓰려던 건가요?"
    ),
    "clip.folder": "{shown}은(는) 파일이 아니라 폴더입니다",
    "clip.not_regular": (
        "{shown}은(는) 일반 파일이 아닙니다(파이프, 소켓, 장치). 결과물은 파일이어야 합니다"
    ),
    # Media, fetching and the lock file
    "media.empty": "빈 파일입니다(0바이트)",
    "media.unreadable": "ffmpeg이 읽을 수 있는 영상이나 이미지 파일이 아닙니다({detail})",
    "media.pixels_early": (
        "그림이 {width}×{height}(으)로 limits.pixels({limit:,}픽셀)보다 큽니다. 디코딩 전에 "
        "거절했습니다"
    ),
    "media.pixels": "그림이 {width}×{height}(으)로 limits.pixels({limit:,}픽셀)보다 큽니다",
    "media.too_long": (
        "클립 길이가 {seconds:,.1f}초로 limits.clip_seconds({limit:,g}초)보다 깁니다. 자르거나 "
        "extra.magazine에서 한도를 올리세요"
    ),
    "media.no_stream": "파일에 영상이나 이미지 스트림이 없습니다",
    "media.size_unreadable": (
        "limits.pixels({limit:,}픽셀) 안에서 그림 크기를 읽을 수 없습니다. 더 크거나 깨진 "
        "파일이라 디코딩 전에 거절했습니다"
    ),
    "media.no_picture": "디코딩할 수 있는 그림이 없습니다",
    "media.truncated": (
        "잘렸거나 깨진 파일입니다: 헤더는 {header:.2f}초라는데 {readable:.2f}초만 읽힙니다. "
        "다시 내려받거나 복사해 보세요"
    ),
    "media.corrupt_after": "{frames}프레임 뒤부터 깨져 있습니다({detail})",
    "media.webp_corrupt": "잘렸거나 깨진 애니메이션 WebP입니다",
    "media.webp_empty": "프레임이 없는 애니메이션 WebP입니다",
    "media.clip": "{source}: {reason}{more}",
    "media.failed": "결과물을 처리하지 못했습니다: {detail}",
    "media.measured_part": "이 클립은 일부만 측정했습니다 ({detail})",
    "fetch.failed": "결과물을 내려받지 못했습니다: {detail}",
    "lock.json": "올바른 JSON이 아닙니다: {detail}",
    "lock.clips": "기록의 객체여야 합니다(파일을 지우고 다시 시작하세요)",
    "lock.version": "{version}이어야 합니다(지금은 {got})",
    "lock.key": "키는 URL의 SHA-256(16진수 소문자)이어야 합니다",
    "lock.record": "url, sha256(16진수), size, content_type, fetched_at이 모두 있어야 합니다",
    # Pages and their addresses
    "claim.latest": "최신 체험기 페이지",
    "claim.comparisons": "비교 목록",
    "claim.services": "서비스 목록",
    "claim.leaderboard": "리더보드",
    "claim.reports": "월간 리포트 목록",
    "claim.tags": "태그 페이지",
    "claim.data_page": "공개 데이터 페이지",
    "claim.data_file": "공개 데이터 파일",
    "service_claim.number": "10이나 29.97 같은 숫자로 쓰세요",
    "service_claim.resolution": "1080p나 1920x1080처럼 쓰세요 ({got})",
    "service_claim.order": "주장은 오래된 것부터, 하루에 하나씩 쓰세요 ({earlier} 다음에 {later})",
    "claim.measured_schema": "공개 데이터 측정값의 JSON 스키마",
    "claim.feed": "피드",
    "claim.style": "매거진 스타일시트",
    "claim.script": "매거진 스크립트",
    "claim.viewer_style": "비교 뷰어 스타일시트",
    "claim.viewer_script": "비교 뷰어 스크립트의 모듈",
    "claim.home": "첫 페이지",
    "claim.entry": "{path}의 페이지",
    "claim.comparison": "{path}의 비교",
    "claim.service": "서비스 {key}의 페이지",
    "claim.attempts": "서비스 {key}의 모든 시도 페이지",
    "claim.report": "{month} 리포트",
    "claim.list": "전체 체험기 목록",
    "claim.list_page": "전체 체험기 목록의 {number}쪽",
    "claim.reserved": "{what}(예약됨)",
    "claim.taken": (
        "{what}의 페이지 주소 {path}은(는) {other}의 주소이기도 해서 하나가 다른 하나를 "
        "덮어씁니다. "
        "{remedy}"
    ),
    "claim.unportable": "{what}의 페이지 주소 {path}: {reason}. {remedy}",
    "claim.writer_page": (
        "매거진이 같은 자리에 페이지 {rel}을(를) 만듭니다. 이 파일의 이름을 바꾸거나 옮기세요"
    ),
    "claim.writer_media": (
        "매거진이 같은 자리에 미디어 파일 {rel}을(를) 만듭니다. 이 파일의 이름을 바꾸거나 옮기세요"
    ),
    "remedy.slug": "다른 slug를 고르세요",
    "remedy.file": "파일 이름을 바꾸거나 slug:로 다른 주소를 정하세요",
    "remedy.experiment": "다른 experiment 키를 고르세요",
    "remedy.prompt": "experiment:로 다른 키를 정하세요",
    "remedy.service": "다른 서비스 키를 고르세요",
    "link.no_page": "링크 {target}이(가) 사이트의 어느 페이지로도 이어지지 않습니다",
    "link.mkdocs": "링크 {target}: {detail}",
    "link.mkdocs_other": "{kind} {target}: {detail}",
    "hint.choice": "{item}",
    "hint.choices": "{first}, {last}",
    # Warnings
    "warning.site_url_unset": (
        "mkdocs.yml에 site_url이 없습니다. 피드의 링크는 상대 경로가 되고, 사이트맵은 비고, "
        "404.html은 호스트 루트의 /assets/를 읽으며(user.github.io/repo/ 같은 프로젝트 "
        "경로에서는 깨짐) 링크 미리보기에 그림이 없습니다. site_url을 정하거나 --site-url "
        "https://USER.github.io/REPO/로 빌드하세요"
    ),
    "time.date_only_zoned": "날짜만으로는 부족합니다. {example}처럼 시각을 더하세요",
    "time.no_offset_zoned": "UTC 오프셋이 없고 시각으로 읽을 수 없습니다. {example}처럼 쓰세요",
    # Consistency warnings and the media store
    "consistency.pending_delivered": (
        "값이 있는데 상태가 pending입니다. status: delivered로 바꾸거나(magazine deliver) "
        "delivered_at을 지우세요"
    ),
    "consistency.pending_clips": (
        "결과물이 있는데 상태가 pending입니다. status: delivered로 바꾸거나(magazine deliver) "
        "결과물을 지우세요"
    ),
    "consistency.delivered_is_submitted": (
        "submitted_at과 같아서 대기 시간이 0초로 보입니다. submitted_at에서 복사한 값인가요?"
    ),
    "consistency.checked_after": (
        "delivered_at보다 뒤입니다. 도착한 뒤의 확인은 의미가 없으니 checked_at을 지우세요"
        "(대기 시간은 delivered_at − submitted_at)"
    ),
    "consistency.checked_is_submitted": (
        "submitted_at과 같아서 {status} 대기 시간이 ≥ 0초로 보입니다. 마지막으로 확인한 때로 "
        "바꾸거나(magazine checked) 지우세요"
    ),
    "consistency.split_prompt": (
        "{other}와 프롬프트가 같지만 여기는 {here}, 그쪽은 {there}이라 비교가 둘로 나뉩니다. "
        "두 곳에 같은 experiment 키를 쓰세요(magazine resend가 그렇게 합니다)"
    ),
    "consistency.experiment_key": "experiment 키 {key}",
    "consistency.no_experiment_key": "experiment 키 없음",
    "store.needs_base_url": (
        "media_base_url이 필요합니다. 독자가 이 객체들을 읽어 갈 공개 주소입니다(공개 버킷이나 "
        "그 앞의 CDN)"
    ),
    "store.needs_store": (
        "media_store가 필요합니다. `magazine media push`가 미디어를 올리고 확인할 "
        "s3://BUCKET/PREFIX입니다"
    ),
    "store.address": "s3://bucket/prefix 같은 주소여야 합니다",
    "store.credentials": (
        "자격 증명이나 포트를 넣으면 안 됩니다. 저장소의 키와 엔드포인트는 AWS_ACCESS_KEY_ID, "
        "AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3나 프로필에서 옵니다"
    ),
    "store.query": "쿼리나 프래그먼트를 넣으면 안 됩니다. s3://bucket/prefix처럼 쓰세요",
    "store.bucket": "버킷 이름은 영문 소문자, 숫자, 점, 하이픈 3~63자여야 합니다",
    "store.prefix": "접두어는 magazine/media-root 같은 평범한 경로여야 합니다",
    "settings.language": "매거진의 말로 쓸 수 있는 ko나 en이어야 합니다",
    "settings.language_near": "매거진의 말로 쓸 수 있는 ko나 en이어야 합니다 {hint}",
    "yaml.cut_short": "값이 끝나기 전에 파일이 끝났습니다 — 저장 중이던 파일인가요?",
    # The desk commands
    "desk.not_an_entry": "{text}은(는) 이 매거진의 체험기 파일이 아닙니다",
    "desk.open_attempts": "{text}에 열린 시도가 {count}개 있습니다({listed}). 하나를 고르세요",
    "desk.no_open_attempt": "{text}에 열린 시도가 없습니다. 체험기를 slug나 경로로 가리키세요",
    "desk.nothing_named": "이 매거진에 {text}(이)라는 체험기, slug, 서비스가 없습니다",
    "desk.delivery_before": "{shown}: 도착 시각이 submitted_at보다 앞섭니다",
    "desk.time_before": "{shown}: 시각이 submitted_at보다 앞섭니다",
    "desk.unknown_service": "알 수 없는 서비스 {name}입니다(있는 것: {listed})",
    "desk.delivered_already": (
        "{shown}은(는) 이미 도착했습니다. 바꾸려면 status, delivered_at, clips를 직접 고치세요"
    ),
    "desk.submitted_offset": "{shown}: submitted_at에 먼저 UTC 오프셋이 있는 시각을 쓰세요",
    "desk.no_clip_file": "결과물 파일 {source}이(가) 없습니다",
    "desk.no_free_name": "{folder}에 {name}(으)로 쓸 빈 이름이 없습니다",
    "time.unreadable": (
        "{text}을(를) 시각으로 읽을 수 없습니다. {example}, 2025-01-03 10:00, now처럼 쓰세요"
    ),
    "time.option_no_offset": (
        "{text}에 UTC 오프셋이 없습니다. {example}처럼 쓰거나, mkdocs.yml에 "
        "extra.magazine.timezone을 정해 이런 시각을 매거진의 시간대로 읽게 하세요"
    ),
    "usage.prompt_twice": "--prompt와 --prompt-file 중 하나만 주세요",
    "usage.prompt_missing": "--prompt나 --prompt-file을 주거나, 프롬프트를 표준 입력으로 넘기세요",
    "usage.no_folder": "{name}을(를) 쓸 폴더 {folder}이(가) 없습니다",
    # magazine new
    "new.title_empty": "제목이 비어 있습니다",
    "new.title_control": "제목에 제어 문자가 있습니다",
    "new.same_attempt": (
        "{same}에 이 시도({service}, 같은 프롬프트, {when})가 이미 있습니다. 그 파일을 고치거나 "
        "다른 --now를 주세요"
    ),
    "new.no_free_name": "{folder}에 {base}(으)로 쓸 빈 파일 이름이 없습니다",
    "new.prompt_empty": "프롬프트가 비어 있습니다",
    "new.prompt_control": "프롬프트에 제어 문자({code})가 있습니다",
    "new.no_offset": "준 시각에 UTC 오프셋이 없습니다(extra.magazine.timezone도 없음)",
    "new.unknown_service": (
        "알 수 없는 서비스 {name}입니다(있는 것: {listed}). 먼저 {file}에 더하세요"
    ),
    "new.no_services": "{folder}/services.yml이 없습니다. 먼저 거기에 서비스를 적으세요",
    "new.delivered": (
        "새 체험기는 delivered로 시작할 수 없습니다. 기록한 뒤 magazine deliver를 쓰세요"
    ),
    "new.experiment": "--experiment {value}: 영문 소문자, 숫자, -, _만 쓰세요",
    "new.model": "--model이 비어 있거나 제어 문자가 있습니다",
    "new.plan": "--plan {value}: {known} 중 하나여야 합니다",
    "new.promised_wait": "--promised-wait: {reason}",
    # Errors of writing, the cache folder, the site and the media store
    "storage.cannot_write_file": (
        "{path}에 쓸 수 없습니다({reason}). 아무것도 게시하지 않았고, 이전 사이트와 작성한 "
        "파일은 그대로입니다"
    ),
    "storage.cannot_write": (
        "파일을 쓸 수 없습니다({reason}). 아무것도 게시하지 않았고, 이전 사이트와 작성한 파일은 "
        "그대로입니다"
    ),
    "busy.timeout": (
        "{who}이(가) {folder}/를 쓰고 있고 {wait:g}초 안에 끝나지 "
        "않았습니다(extra.magazine.lock_wait). 끝난 뒤에 다시 실행하세요"
    ),
    "busy.waiting": "{who}이(가) {folder}/ 사용을 마칠 때까지 기다립니다",
    "busy.someone": "다른 magazine 명령",
    "budget.files_over": (
        "파일 하나의 한도 {limit}을(를) 넘는 파일이 {count}개 "
        "있습니다(limits.file_bytes):\n{listed}\n"
    ),
    "budget.site_over": (
        "{subject} {total}(으)로 사이트 한도 {limit}을(를) 넘습니다(limits.site_bytes). 가장 큰 "
        "파일:\n{listed}\n"
    ),
    "budget.subject_site": "사이트 크기가",
    "budget.subject_media": "미디어만으로도 크기가",
    "budget.remedy": (
        "{files}{site}media.max_height를 낮추거나 media.crf를 높이세요. 아니면 미디어를 다른 "
        "곳에서 내보내세요(media_store와 media_base_url)"
    ),
    "site.no_built": "{site}: 빌드된 사이트가 없습니다(먼저 `magazine build`를 실행하세요)",
    "site.publish_failed": "{branch}에 게시하지 못했습니다: {reason}",
    "site.command_failed": "`{command}`이(가) {code}(으)로 끝났습니다",
    "site.mkdocs_failed": "MkDocs가 사이트를 빌드하지 못했습니다: {detail}{listed}",
    "site.config_entry": "mkdocs.yml: {section}: 항목 {entry}을(를) 읽을 수 없습니다",
    "site.config_list": "mkdocs.yml: {section}: 목록이나 매핑이어야 합니다",
    "site.config_value": "mkdocs.yml: {kind} 형식의 값은 옮길 수 없습니다",
    "site.generated_twice": "생성한 두 파일의 경로 {path}이(가) 같습니다",
    "site.generated_path": "생성한 경로 {path}은(는) 사이트 안의 평범한 상대 경로여야 합니다",
    "site.generated_address": "생성한 두 파일의 주소 {path}이(가) 같습니다",
    "site.generated_file": "생성한 파일 {path}: {reason}",
    "usage.no_built_site": "{site}에 빌드된 사이트가 없습니다. 먼저 magazine build를 실행하세요",
    "store.not_set": "mkdocs.yml에 extra.magazine.media_store가 없습니다",
    "store.not_set_push": "mkdocs.yml에 extra.magazine.media_store가 없어 올릴 것이 없습니다",
    "store.wrong_object": "{where}: {problem}",
    "store.wrong_objects": "{where}: {problem} (그 밖에 {more}개 더)",
    "store.missing_after": "올린 뒤에 저장소에 없습니다",
    "store.wrong_size": (
        "저장소는 {found:,}바이트라고 하지만 보낸 것은 {sent:,}바이트입니다({size})"
    ),
    "store.wrong_type": (
        "형식 {found_type}, 캐시 {found_cache}(으)로 되어 있습니다. 기대한 것은 {wanted_type}, "
        "{wanted_cache}입니다"
    ),
    "store.gave_up": "{reason} ({tries} 시도한 뒤 그만두었습니다)",
    "store.tries_one": "{count}번",
    "store.tries": "{count}번",
    "store.client": (
        "미디어 저장소 클라이언트를 준비할 수 없습니다({kind}). AWS_ENDPOINT_URL_S3, "
        "AWS_REGION, AWS_PROFILE을 확인하세요"
    ),
    "store.no_credentials": (
        "미디어 저장소의 자격 증명이 없습니다. 환경 변수에 AWS_ACCESS_KEY_ID와 "
        "AWS_SECRET_ACCESS_KEY(또는 AWS_PROFILE)를 정하세요"
    ),
    "store.unreachable": "{endpoint}의 미디어 저장소에 닿을 수 없습니다({what}: {where})",
    "store.lost": (
        "{endpoint}의 미디어 저장소와의 연결이 끊기거나 시간을 넘겼습니다({what}: {where})"
    ),
    "store.could_not": "{where}: {what}에 실패했습니다({kind})",
    "store.no_bucket": (
        "{endpoint}에 버킷 {bucket}이(가) 없습니다({said}). 버킷을 만들거나 media_store를 고치세요"
    ),
    "store.denied": (
        "{endpoint}의 미디어 저장소가 거절했습니다({what}: {where}, {said}). 자격 "
        "증명(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_PROFILE)과 그 자격으로 이 버킷을 "
        "읽고 쓸 수 있는지 확인하세요"
    ),
    "store.failed": "{endpoint}의 미디어 저장소가 실패했습니다({what}: {where}, {said})",
    "store.refused": "{endpoint}의 미디어 저장소가 거절했습니다({what}: {where}, {said})",
    "store.do.reach_bucket": "버킷 확인",
    "store.do.look_up": "조회",
    "store.do.list": "목록 읽기",
    "store.do.upload": "올리기",
    "store.do.start_parts": "나눠 올리기 시작",
    "store.do.upload_part": "{number}번째 조각 올리기",
    "store.do.finish_parts": "나눠 올리기 마무리",
    "store.do.abort_parts": "나눠 올리기 취소",
    "store.do.delete": "삭제",
    "store.other_store": (
        "마지막 빌드는 다른 media_store에 맞춘 것입니다. 먼저 `magazine build`를 실행하세요"
    ),
    "store.no_build": (
        "아직 {store}에 맞춰 미디어를 준비한 빌드가 없습니다. 먼저 `magazine build`를 실행하세요"
    ),
    "store.manifest_unreadable": (
        "{file}을(를) 읽을 수 없습니다. 먼저 `magazine build`를 실행하세요"
    ),
    "store.manifest_names": (
        "{file}에 잘못된 {path}이(가) 적혀 있습니다. 먼저 `magazine build`를 실행하세요"
    ),
    "store.cache_changed": (
        "{path}이(가) 캐시에 없거나 바뀌었습니다. 먼저 `magazine build`를 실행하세요"
    ),
    "store.unknown_media": (
        "어느 페이지가 {address}을(를) 가리키지만, 그 파일을 만든 결과물이 없습니다"
    ),
    "store.no_content_type": "{path}: 이런 종류의 파일에 맞는 콘텐츠 형식을 모릅니다",
    # The desk, init, the command lines and progress
    "desk.revise": "기다리는 동안 쓴 한줄평과 평가가 있습니다. 결과물을 보고 고쳐 쓰세요.",
    "desk.no_clips": "받은 결과물을 clips:에 더하세요(--clip 파일 또는 --url 주소).",
    "desk.new": "새 시도: {path}",
    "desk.experiment": "같은 비교로 묶었습니다: experiment: {key}",
    "desk.none_yet": "아직 없음",
    "edit.has_problems": ("{shown}에 문제가 있습니다. 명령으로 고치기 전에 먼저 바로잡으세요:"),
    "edit.not_an_entry": "{shown}은(는) 체험기가 아닙니다(필드의 매핑이어야 합니다)",
    "edit.not_a_list": "{shown}: {key}: 목록이 아닙니다. 더하려면 목록으로 바꾸세요",
    "edit.flow_list": (
        "{shown}: {key}: 한 줄([...])로 쓰여 있습니다. 명령이 더할 수 있게 `- `로 시작하는 줄의 "
        "목록으로 쓰세요"
    ),
    "edit.not_read_back": (
        "{shown}: 고친 내용이 뜻대로 읽히지 않아 파일을 그대로 두었습니다. 직접 고치세요"
    ),
    "edit.changed_meanwhile": "{shown}이(가) 고치는 동안 바뀌었습니다. 다시 실행하세요",
    "edit.cannot_edit": "{shown}: 이 파일은 고칠 수 없습니다: {detail}",
    "edit.removed": "{key} 지움",
    "text.list": "{first}, {next}",
    "init.lang": "--lang {value}: ko나 en이어야 합니다",
    "init.timezone": "--timezone {value}: Asia/Seoul 같은 시간대 이름을 쓰세요",
    "init.title": "--title이 비어 있거나 제어 문자가 있습니다",
    "init.file": "{folder}은(는) 폴더가 아니라 파일입니다",
    "init.exists": (
        "{existing}이(가) 있습니다. {folder}에는 이미 매거진(또는 그 시작)이 있으니 다른 폴더를 "
        "쓰세요"
    ),
    "init.wrote": "만들었습니다: {path}",
    "init.kept": "이미 있어 그대로 두었습니다: {path} — {hint}",
    "init.gitignore": "/site/와 /.magazine/을 더하세요",
    "init.workflow": "GitHub Pages로 게시하도록 직접 맞추세요",
    "init.next": (
        "다음: entries/services.yml에서 쓸 서비스의 주석을 풀고 `magazine new --service KEY "
        "--prompt …`, 그다음 `magazine serve`를 실행하세요."
    ),
    "cli.wrote": "{path}을(를) 썼습니다",
    "cli.published": "{site}을(를) {where}에 게시했습니다",
    "push.no_store": "mkdocs.yml에 media_store가 없어 올릴 것이 없습니다",
    "push.summary": (
        "{store}: {sent}, 이미 있던 것 {present}개({present_size}), {verified}개 모두 확인했습니다"
    ),
    "push.uploaded_one": "{count}개 올림({size})",
    "push.uploaded": "{count}개 올림({size})",
    "push.uploaded_nothing": "올린 것 없음",
    "gc.confirm": "이 객체 {count}개를 지울까요?",
    "gc.deleted": "어느 페이지도 읽지 않는 객체 {count}개({size})를 지웠습니다",
    "gc.found": "어느 페이지도 읽지 않는 객체가 {count}개({size}) 있습니다",
    "gc.found_hint": (
        "어느 페이지도 읽지 않는 객체가 {count}개({size}) 있습니다. `magazine media gc "
        "--delete`로 지우세요"
    ),
    "gc.clean": "접두어 아래의 객체는 모두 어느 페이지가 읽고 있습니다",
    "progress.media": "미디어",
    "progress.deleting": "지우는 중",
    "progress.uploading": "{store}에 올리는 중",
    "progress.verifying": "확인하는 중",
    "progress.done": "끝남: {label}",
    "progress.done_size": "끝남: {label} ({size})",
    "internals.outside": (
        "미리보기는 저장할 때마다 사이트 전체를 다시 빌드합니다. {listed}은(는) 부분 빌드를 "
        "시험한 범위 밖입니다"
    ),
    "internals.version": "{name} {version}(시험한 범위: {tried})",
    "internals.not_installed": "{name} 설치 안 됨(시험한 범위: {tried})",
    "internals.off": "미리보기는 저장할 때마다 사이트 전체를 다시 빌드합니다({switch}=off)",
    "serve.serving": "매거진 미리보기: {url}",
    "serve.serving_site": "{site} 내보내는 중: {url}",
    # Downloads of remote clips
    "fetch.at": "{reason} ({url})",
    "fetch.warning": "{entry}: {field}: {reason} ({url})",
    "fetch.using_archive": "{reason}. 보관해 둔 사본을 씁니다",
    "fetch.expired_no_copy": "{reason}. 보관해 둔 사본도 없습니다",
    "fetch.offline_missing": "보관본에 없고, --offline이라 내려받을 수 없습니다",
    "fetch.vanished": "보관해 둔 사본이 쓰는 도중에 사라졌습니다",
    "fetch.mismatch": "sha256이 다릅니다: {source} {expected}, 내려받은 것 {got}({size}바이트)",
    "fetch.mismatch_kept": (
        "sha256이 다릅니다: {source} {expected}, 내려받은 것 {got}({size}바이트). 전에 확인한 "
        "사본을 그대로 씁니다"
    ),
    "fetch.declared": "적어 둔 값",
    "fetch.locked": "잠금 파일에 기록된 값",
    "fetch.http_needs_allow": (
        "http:// 링크에는 extra.magazine에 `allow_http: true`가 필요합니다(https://를 쓰세요)"
    ),
    "fetch.only_https": "https:// 링크만 내려받을 수 있습니다(지금은 {scheme}:)",
    "download.redirect_invalid": "올바른 URL이 아닌 주소로 넘겨졌습니다",
    "download.redirect_downgrade": (
        "https://에서 http://({target})로 넘겨져 거부했습니다. allow_http가 있어도 내려받는 "
        "도중에 암호화를 포기하지 않습니다"
    ),
    "download.redirect_http": (
        "{target}(으)로 넘겨졌지만, extra.magazine.allow_http가 true가 아니면 http://는 거부합니다"
    ),
    "download.redirect_scheme": (
        "{scheme}: 주소로 넘겨져 거부했습니다(https:// 링크만 내려받습니다)"
    ),
    "download.cannot_write": "내려받은 파일을 쓸 수 없습니다: {detail}",
    "download.hash_wrong": "내려받은 바이트가 기대한 sha256과 다릅니다",
    "download.gave_up": "{reason} ({count}번 시도한 뒤 그만두었습니다)",
    "download.no_time": "{reason} (기한 {deadline:g}초 안에 다시 시도할 시간이 없습니다)",
    "download.too_slow": "기한 {deadline:g}초보다 오래 걸렸습니다",
    "download.invalid_url": "올바른 URL이 아닙니다",
    "download.timed_out": "시간을 넘겼습니다({kind})",
    "download.connection": "연결하지 못했습니다: {detail}",
    "download.redirects": "{count}번 넘게 다른 주소로 넘겨졌습니다",
    "download.expired": "링크가 만료되었거나 없어졌습니다(HTTP {status})",
    "download.http": "HTTP {status} 오류",
    "download.no_resume": "서버가 이어받기를 거부했습니다(HTTP 416)",
    "download.unexpected": "예상하지 못한 응답 HTTP {status}",
    "download.not_media_type": "영상이나 이미지를 기대했지만 {kind} 페이지가 왔습니다",
    "download.compressed": (
        "압축하지 말라고 했는데 서버가 파일을 압축해 보냈습니다(Content-Encoding: {encoding})"
    ),
    "download.too_big": "파일이 {size}바이트로 max_bytes({limit})보다 큽니다",
    "download.larger": "파일이 max_bytes({limit})보다 큽니다",
    "download.closed": "{remaining}바이트 중 {received}바이트를 받은 뒤 연결이 끊겼습니다",
    "download.empty": "서버가 빈 파일을 보냈습니다",
    "download.partial_answer": "{asked} 요청에 서버가 파일의 일부만 보냈습니다",
    "download.no_range": "범위 없음",
    "download.bad_resume": "서버가 이어받기를 잘못했습니다({problem}). 처음부터 다시 받습니다",
    "download.no_content_range": "응답에 올바른 Content-Range가 없습니다",
    "download.wrong_range": "{wanted}을(를) 요청했는데 {got} 범위를 보냈습니다",
    "download.etag_changed": "응답이 파일의 다른 판입니다(ETag가 바뀜)",
    "download.length": "Content-Length {length}이(가) 알린 범위와 맞지 않습니다",
    "download.not_media": "내려받은 것은 영상이나 이미지가 아니라 {kind}입니다",
    "download.not_media_sent_as": (
        "내려받은 것은 영상이나 이미지가 아니라 {kind}입니다({sent}(으)로 보냄)"
    ),
    "download.changed_on_disk": (
        "내려받은 파일이 보관되기 전에 디스크에서 바뀌었습니다. 다시 내려받으세요"
    ),
    # ffmpeg and the clips' files
    "media.ffmpeg_missing_at": "{path}에 ffmpeg이 없습니다(settings.media.ffmpeg)",
    "media.no_ffmpeg": "ffmpeg이 없습니다. imageio-ffmpeg을 설치하거나 media.ffmpeg를 정하세요",
    "media.no_ffmpeg_binary": "imageio-ffmpeg에 ffmpeg 실행 파일이 없습니다: {detail}",
    "media.cannot_start": "ffmpeg을 실행할 수 없습니다: {reason}",
    "media.ffmpeg_timeout": "ffmpeg이 {timeout:g}초보다 오래 걸렸습니다(settings.media.timeout)",
    "media.ffmpeg_failed": "ffmpeg이 실패했습니다(종료 코드 {code})",
    "media.ffmpeg_cut": "ffmpeg이 프레임 중간({leftover}바이트)에서 멈췄습니다",
    "media.rendition_short": (
        "변환한 영상이 {expected:.2f}초 중 {actual:.2f}초뿐입니다. 원본이 잘렸거나 손상되었습니다"
    ),
    "media.cannot_read_file": "파일을 읽을 수 없습니다: {reason}",
    "media.os_error": "{reason} ({file})",
    "media.sheet_no_times": (
        "{shown}: 시각 없이 콘택트 시트를 만들었습니다(ffmpeg이 글자를 그리지 못함)"
    ),
    # The site folder
    "site.dir_is_root": (
        "site_dir {site_dir}은(는) 매거진 폴더 {root} 자체를 덮어씁니다. site/처럼 따로 쓰는 "
        "폴더를 고르세요"
    ),
    "site.dir_overlaps": (
        "site_dir {site_dir}이(가) 매거진의 {name}({path})과(와) 겹쳐 빌드하면 그것이 "
        "지워집니다. site/처럼 따로 쓰는 폴더를 고르세요"
    ),
    "site.config_unreadable": "{name}을(를) 읽을 수 없습니다: {detail}",
    # The live preview
    "preview.rebuilt": (
        "다시 빌드함: 페이지 {pages}개 중 {rendered}개를 새로 만듦 ({seconds:.1f}초)"
    ),
    "preview.banner": (
        "빌드 오류: 마지막으로 성공한 빌드를 보여 줍니다. 고쳐서 저장하면 사라집니다."
    ),
    "preview.warned": "경고: 사이트는 만들었지만 `magazine build`는 이 상태를 거부합니다.",
}
