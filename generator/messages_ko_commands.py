"""The Korean catalogue of what the commands say (see `messages`): their errors, what they
changed, their progress and summaries; `messages_ko` holds the problems found in the writer's
files. The same keys and placeholders in both languages.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
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
    "edit.has_problems": "{shown}에 문제가 있습니다. 명령으로 고치기 전에 먼저 바로잡으세요:",
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
    "gc.clean": "접두어 아래의 객체는 모두 어느 페이지에서 쓰고 있습니다",
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
    # The command line's own words (terminal.py)
    "terminal.nothing_waiting": "기다리는 것이 없습니다",
    "terminal.unknown": "모름",
    "terminal.built": "{site}에 만들었습니다: {entries}, {pages}, {clips}",
    "terminal.entry": "체험기 {count}개",
    "terminal.entries": "체험기 {count}개",
    "terminal.page": "페이지 {count}개",
    "terminal.pages": "페이지 {count}개",
    "terminal.clip": "결과물 {count}개",
    "terminal.clips": "결과물 {count}개",
    "terminal.service": "서비스 {count}개",
    "terminal.services": "서비스 {count}개",
    "terminal.comparison": "비교 {count}개",
    "terminal.comparisons": "비교 {count}개",
    "terminal.site_size": "사이트 크기: 파일 {files}개, {size}",
    "terminal.warning": "경고",
    "terminal.error": "오류",
    "terminal.usage_error": "사용법 오류",
    "terminal.check_ok": "이상 없음: {counts}",
    "terminal.fetched": "{clips} 내려받음, 보관본 {reused}개, 실패 {failed}개",
    "terminal.store_holds": (
        "미디어 저장소 {store}: 파일 {objects}개, {size} (`magazine media push`가 없는 것만 "
        "올립니다)"
    ),
    "terminal.column.entry": "체험기",
    "terminal.column.service": "서비스",
    "terminal.column.status": "상태",
    "terminal.column.submitted": "제출",
    "terminal.column.waited": "기다린 시간",
    "terminal.column.promised": "약속",
    "terminal.column.ratio": "배수",
    # The command line's own usage errors (click)
    "click.missing_argument": "인수 {name}이(가) 필요합니다",
    "click.missing_option": "옵션 {name}이(가) 필요합니다",
    "click.no_such_option": "그런 옵션은 없습니다: {name}",
    "click.no_such_option_near": "그런 옵션은 없습니다: {name}({near}을(를) 쓰려던 건가요?)",
    "click.choice": "{name}: {choices} 중 하나여야 합니다",
    "click.try_help": "도움말은 '{command} -h'로 보세요.",
    # The comments of a new entry (magazine new, resend)
    "scaffold.checked_pending": "마지막으로 확인한 때입니다. 기다리는 동안 고쳐 두세요",
    "scaffold.checked": "마지막으로 확인한 때",
    "scaffold.promised": "서비스가 말한 대기 시간",
    "scaffold.deliver": "결과가 오면: magazine deliver 이-파일 --clip 파일 (또는 status:",
    "scaffold.deliver_by_hand": "delivered, delivered_at, clips:를 직접 쓰세요)",
    "scaffold.clip": "이 파일이 있는 폴더에서 본 경로",
    "scaffold.verdict": "본 것에 대한 한 줄 평",
}
