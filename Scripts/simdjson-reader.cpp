// The reference reader of Scripts/benchmark.sh: simdjson 3 (DOM API), one parse per NDJSON line.
// Built by the benchmark when Debian's libsimdjson-dev is installed. The benchmark times it as it
// times qbcheck, as a command from start to exit (loading the file included); the rate it prints
// is its parse loop's alone, shown beside.
#include <simdjson.h>
#include <cstdio>
#include <chrono>
int main(int argc, char** argv) {
    simdjson::padded_string json;
    if (simdjson::padded_string::load(argv[1]).get(json)) { fprintf(stderr, "cannot read\n"); return 2; }
    simdjson::dom::parser parser;
    auto start = std::chrono::steady_clock::now();
    size_t documents = 0;
    const char* data = json.data(); size_t size = json.size(); size_t begin = 0;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\n') {
            if (i > begin) {
                simdjson::dom::element element;
                if (!parser.parse(data + begin, i - begin, true).get(element)) documents++;
            }
            begin = i + 1;
        }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double mb = size / 1e6;
    printf("simdjson %.1f MB %zu documents %.3f s %.1f MB/s\n", mb, documents, seconds, mb / seconds);
}
