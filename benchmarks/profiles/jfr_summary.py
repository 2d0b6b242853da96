#!/usr/bin/env python3
# Summarizes a JFR recording's execution samples as the benchmarks README reports them:
#   jfr print --events jdk.ExecutionSample --stack-depth 64 rec.jfr > rec.txt
#   python3 benchmarks/profiles/jfr_summary.py rec.txt
# Each sample is attributed to the library of its top-most non-JDK frame ("self time by library"),
# so a filter that wraps the whole request (Spring Security, observation filters) is not counted for
# the work it merely calls; the JSON of state-store values is told apart from request/response JSON.
import re,sys,collections
txt=open(sys.argv[1]).read()
events=txt.split('jdk.ExecutionSample {')[1:]
CATS=[
 ("JSON of state-store values (Jackson in the stores' serdes)", r'^tools\.jackson', r'JsonSerde|StateSerdes'),
 ("Jackson of request/response bodies", r'^tools\.jackson', None),
 ("Avro (de)serialization", r'^org\.apache\.avro|^org\.ungis\.registry', None),
 ("Logging (logback, Boot's ECS JSON lines)", r'^ch\.qos\.logback|^co\.elastic|^org\.slf4j|^org\.springframework\.boot\.(json|logging)', None),
 ("JWT authentication (cached verifier, claim validation)", r'^org\.springframework\.security\.oauth2|^com\.nimbusds', None),
 ("Spring Security firewall", r'HttpFirewall', None),
 ("KafkaStreams.store lookups", r'^org\.apache\.kafka\.streams\.(KafkaStreams\.store|state\.QueryableStoreTypes|state\.internals\.(WrappingStoreProvider|StreamThreadStateStoreProvider|QueryableStoreProvider|CompositeReadOnlyKeyValueStore|MeteredKeyValueStore|MeteredTimestamped))|DefaultStateUpdater', None),
 ("Kafka producer / client", r'^org\.apache\.kafka\.(clients|common)', None),
 ("Kafka Streams", r'^org\.apache\.kafka\.streams|^org\.rocksdb', None),
 ("Tracing (Brave / micrometer-tracing)", r'^brave\.|^io\.micrometer\.tracing', None),
 ("Micrometer observation / metrics", r'^io\.micrometer', None),

 ("Spring Security filters", r'^org\.springframework\.security', None),
 ("Spring MVC / Spring core", r'^org\.springframework', None),
 ("Tomcat", r'^org\.apache\.(catalina|coyote|tomcat)', None),
 ("our code (org.ungis)", r'^org\.ungis', None),
]
CATS=[(n,re.compile(p),re.compile(r) if r else None) for n,p,r in CATS]
cnt=collections.Counter(); n=0; threads=collections.Counter()
for e in events:
    m=re.search(r'sampledThread = "([^"]*)"',e); th=m.group(1) if m else '?'
    st=e.split('stackTrace = [',1)[1] if 'stackTrace = [' in e else ''
    frames=[re.sub(r'\s+line:.*','',l.strip()) for l in st.split('\n')]
    frames=[f for f in frames if f and f not in (']','}','...')]
    n+=1
    tg='stream thread' if 'StreamThread' in th else ('producer network thread' if 'kafka-producer-network' in th else ('Tomcat request threads' if 'http-nio' in th else 'other threads'))
    threads[tg]+=1
    whole='\n'.join(frames)
    cat=None
    for f in frames:
        for name,p,req in CATS:
            if p.search(f) and (req is None or req.search(whole)):
                cat=name; break
        if cat: break
    cnt[cat or 'JDK / other']+=1
print(f"{n} samples")
print("| thread | share |"); print("| --- | --- |")
for t,c in threads.most_common(): print(f"| {t} | {100*c/n:.0f} % ({c}) |")
print(); print("| self time by library (top-most non-JDK frame) | share |"); print("| --- | --- |")
for k,c in cnt.most_common(): print(f"| {k} | {100*c/n:.0f} % ({c}) |")
